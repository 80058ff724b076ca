package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.secondopinion.coverage.domain.SelfPayPrice;

@ApplicationScoped
public class SelfPayPriceRepository implements PanacheRepositoryBase<SelfPayPrice, String> {
}

package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.secondopinion.coverage.domain.Payer;

@ApplicationScoped
public class PayerRepository implements PanacheRepositoryBase<Payer, String> {
}

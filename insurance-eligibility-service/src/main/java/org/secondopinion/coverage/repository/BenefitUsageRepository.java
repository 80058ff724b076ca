package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.secondopinion.coverage.domain.BenefitUsage;

@ApplicationScoped
public class BenefitUsageRepository implements PanacheRepositoryBase<BenefitUsage, String> {
}

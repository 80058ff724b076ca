package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.secondopinion.coverage.domain.Plan;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, String> {
}

package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.secondopinion.coverage.domain.Determination;

@ApplicationScoped
public class DeterminationRepository implements PanacheRepositoryBase<Determination, UUID> {
}

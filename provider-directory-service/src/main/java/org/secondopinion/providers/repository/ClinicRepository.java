package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.secondopinion.providers.domain.Clinic;

@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {
}

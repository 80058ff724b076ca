package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.secondopinion.providers.domain.Specialty;

@ApplicationScoped
public class SpecialtyRepository implements PanacheRepositoryBase<Specialty, String> {

    public List<Specialty> allOrdered() {
        return listAll(Sort.by("name").and("code"));
    }
}

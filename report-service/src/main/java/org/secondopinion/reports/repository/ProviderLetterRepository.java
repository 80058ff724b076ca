package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.secondopinion.reports.domain.ProviderLetter;

@ApplicationScoped
public class ProviderLetterRepository implements PanacheRepositoryBase<ProviderLetter, UUID> {

    public List<ProviderLetter> ofReport(UUID reportId) {
        return list("reportId", Sort.ascending("reportVersion"), reportId);
    }
}

package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.reports.domain.ReportVersion;

@ApplicationScoped
public class ReportVersionRepository implements PanacheRepositoryBase<ReportVersion, ReportVersion.Key> {

    public List<ReportVersion> ofReport(UUID reportId) {
        return list("key.reportId", Sort.ascending("key.versionNumber"), reportId);
    }

    public Optional<ReportVersion> find(UUID reportId, int number) {
        return findByIdOptional(new ReportVersion.Key(reportId, number));
    }
}

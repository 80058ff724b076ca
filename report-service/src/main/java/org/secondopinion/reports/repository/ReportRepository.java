package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.reports.domain.Report;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Optional<Report> forCase(String caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}

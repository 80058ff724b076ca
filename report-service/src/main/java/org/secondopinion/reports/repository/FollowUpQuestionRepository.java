package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.secondopinion.reports.domain.FollowUpQuestion;

@ApplicationScoped
public class FollowUpQuestionRepository implements PanacheRepositoryBase<FollowUpQuestion, UUID> {

    public List<FollowUpQuestion> ofReport(UUID reportId) {
        return list("reportId", Sort.ascending("askedAt", "id"), reportId);
    }
}

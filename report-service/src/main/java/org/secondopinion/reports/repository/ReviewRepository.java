package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.secondopinion.reports.domain.Review;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, String> {

    /** The physician's reviews, soonest due first. */
    public List<Review> assignedTo(String npi) {
        return list("physicianNpi", Sort.ascending("plannedDueAt", "caseId"), npi);
    }
}

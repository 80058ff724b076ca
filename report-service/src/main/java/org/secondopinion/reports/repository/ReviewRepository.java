package org.secondopinion.reports.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.secondopinion.reports.domain.Review;
import org.secondopinion.reports.domain.ReviewState;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, String> {

    /** One page of the physician's reviews, optionally in one state, soonest due first (no due time last). */
    public List<Review> assignedTo(String npi, ReviewState state, int page, int size) {
        String order = " order by coalesce(recordsDueAt, plannedDueAt) nulls last, caseId";
        var query = state == null ? find("physicianNpi = ?1" + order, npi)
                : find("physicianNpi = ?1 and storedState = ?2" + order, npi, state);
        return query.page(Page.of(page, size)).list();
    }

    public long countAssignedTo(String npi, ReviewState state) {
        return state == null ? count("physicianNpi", npi) : count("physicianNpi = ?1 and storedState = ?2", npi, state);
    }
}

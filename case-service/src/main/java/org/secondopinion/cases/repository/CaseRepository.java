package org.secondopinion.cases.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<PatientCase, UUID> {

    public Optional<PatientCase> findByIdempotencyKey(String patientId, String key) {
        return find("patientId = ?1 and idempotencyKey = ?2", patientId, key).firstResultOptional();
    }

    /** Locks the case row, so that two events for one case are applied one after the other. */
    public Optional<PatientCase> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<PatientCase> ofPatient(String patientId, CaseStatus status) {
        Sort sort = Sort.descending("createdAt", "id");
        return status == null
                ? find("patientId", sort, patientId)
                : find("patientId = :p and status = :s", sort, Parameters.with("p", patientId).and("s", status));
    }

    public PanacheQuery<PatientCase> ofPhysician(String npi, CaseStatus status) {
        Sort sort = Sort.descending("selectedAt", "id");
        String visible = "selectedNpi = :n and status in :v";
        Parameters parameters = Parameters.with("n", npi).and("v", java.util.EnumSet.of(CaseStatus.PHYSICIAN_SELECTED,
                CaseStatus.AWAITING_RECORDS, CaseStatus.UNDER_REVIEW, CaseStatus.OPINION_ISSUED, CaseStatus.CLOSED));
        return status == null ? find(visible, sort, parameters)
                : find(visible + " and status = :s", sort, parameters.and("s", status));
    }

    public PanacheQuery<PatientCase> all(CaseStatus status) {
        Sort sort = Sort.descending("createdAt", "id");
        return status == null ? findAll(sort) : find("status", sort, status);
    }
}

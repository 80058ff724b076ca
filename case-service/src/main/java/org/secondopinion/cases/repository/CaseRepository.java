package org.secondopinion.cases.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.platform.persistence.Sql;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<PatientCase, UUID> {

    @Inject
    Sql sql;

    /**
     * Takes the transaction's lock on a patient's Idempotency-Key and finds the case created earlier with
     * it, in one round trip: two retries of one request racing each other, the second waits for the
     * first to commit, then finds its case.
     */
    public Optional<PatientCase> lockIdempotencyKey(String patientId, String key) {
        return sql.first("""
                select c.id from (select pg_advisory_xact_lock(hashtext(?))) as l
                  left join patient_case c on c.patient_id = ? and c.idempotency_key = ?""",
                row -> Sql.uuid(row, "id"), patientId + "\n" + key, patientId, key)
                .flatMap(this::findByIdOptional);
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

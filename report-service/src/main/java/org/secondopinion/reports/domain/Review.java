package org.secondopinion.reports.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;

/**
 * What the reviewer needs to know of a case, assembled from case-service's events. Events of one
 * case may arrive in any order, so each field is filled by whichever event carries it, and the
 * state is derived from the facts rather than from the order they arrived in.
 */
@Entity
@Table(name = "review")
public class Review {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() { };
    private static final TypeReference<List<DocumentRef>> DOCUMENTS = new TypeReference<>() { };
    private static final TypeReference<List<SecondOpinionReason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<DocumentType>> TYPES = new TypeReference<>() { };

    @Id
    @Column(name = "case_id")
    public String caseId;
    public String patientId;
    public String physicianNpi;
    public String physicianName;
    public String specialtyCode;
    public String subSpecialtyCode;
    public String conditionDescription;
    public String reasonsJson = "[]";
    public String primaryProviderName;
    public String primaryProviderNpi;
    public String primaryProviderSpecialty;
    public String primaryPracticeName;
    public String primaryDiagnosis;
    public String recommendedTreatment;
    public boolean surgeryRecommended;
    public String questionsJson = "[]";
    public String documentsJson = "[]";
    public Instant documentsAsOf;
    public String requestedTypesJson = "[]";
    public Instant submittedAt;
    public Instant selectedAt;
    public Instant plannedDueAt;
    public Instant recordsDueAt;
    public Instant recordsCompletedAt;
    public Instant documentsRequestedAt;
    public Instant cancelledAt;
    public String cancelledStage;
    public Instant opinionIssuedAt;
    public Instant updatedAt;
    @Version
    public long version;
    /** {@link #state()} as of the last write, for the worklist's filter and paging (not read otherwise). */
    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    ReviewState storedState;

    @PrePersist
    @PreUpdate
    void storeState() {
        storedState = state();
    }

    public ReviewState state() {
        if (cancelledAt != null) {
            return ReviewState.CANCELLED;
        }
        if (opinionIssuedAt != null) {
            return ReviewState.OPINION_ISSUED;
        }
        if (physicianNpi == null) {
            return ReviewState.AWAITING_PHYSICIAN;
        }
        if (documentsRequestedAt != null && (recordsCompletedAt == null || documentsRequestedAt.isAfter(recordsCompletedAt))) {
            return ReviewState.AWAITING_DOCUMENTS;
        }
        return recordsCompletedAt != null ? ReviewState.READY_FOR_REVIEW : ReviewState.AWAITING_RECORDS;
    }

    /** The review's due time: from the records' completion when known, otherwise as planned at selection. */
    public Instant dueAt() {
        return recordsDueAt != null ? recordsDueAt : plannedDueAt;
    }

    /** Whether the case details (from CaseSubmitted or PhysicianSelected) have arrived. */
    public boolean hasCaseDetails() {
        return patientId != null && primaryDiagnosis != null;
    }

    public List<Question> questions() {
        return Json.read(questionsJson, QUESTIONS);
    }

    public List<DocumentRef> documents() {
        return Json.read(documentsJson, DOCUMENTS);
    }

    public List<SecondOpinionReason> reasons() {
        return Json.read(reasonsJson, REASONS);
    }

    public List<DocumentType> requestedTypes() {
        return Json.read(requestedTypesJson, TYPES);
    }
}

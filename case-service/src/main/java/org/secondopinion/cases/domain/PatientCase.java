package org.secondopinion.cases.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.PatientDecision;
import org.secondopinion.platform.problem.ApiException;

/** A patient's case. Never sent over the wire: resources answer with views. */
@Entity
@Table(name = "patient_case")
public class PatientCase {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ChecklistItem>> CHECKLIST = new TypeReference<>() { };

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Version
    public long version;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(nullable = false)
    String details;

    @Column(name = "question_ids")
    String questionIds;

    @Column(name = "excluded_npis", nullable = false)
    String excludedNpis = "[]";

    @Column(name = "previous_case_id")
    public UUID previousCaseId;

    @Column(name = "follow_up_case_id")
    public UUID followUpCaseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    String coverage;

    @Column(name = "coverage_at")
    public Instant coverageAt;

    String matches;

    @Column(name = "matched_at")
    public Instant matchedAt;

    @Column(name = "selected_npi")
    public String selectedNpi;

    @Column(name = "selected_name")
    public String selectedName;

    @Column(name = "selected_at")
    public Instant selectedAt;

    @Column(nullable = false)
    String checklist = "[]";

    @Column(name = "review_due_at")
    public Instant reviewDueAt;

    @Column(name = "report_id")
    public String reportId;

    @Column(name = "report_version")
    public Integer reportVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "opinion_agreement")
    public OpinionAgreement opinionAgreement;

    @Column(name = "opinion_at")
    public Instant opinionAt;

    @Enumerated(EnumType.STRING)
    public PatientDecision decision;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** The stage this transaction entered, so that the timeline is not read back right after it was written. */
    @Transient
    public CaseStage enteredStage;

    public CaseDetails details() {
        return Json.read(details, CaseDetails.class);
    }

    public void details(CaseDetails value) {
        details = Json.write(value);
    }

    /** Stable question ids, assigned at submission in the order of the questions. */
    public List<String> questionIds() {
        return questionIds == null ? List.of() : Json.read(questionIds, STRINGS);
    }

    public void questionIds(List<String> ids) {
        questionIds = Json.write(ids);
    }

    /** Physicians never to propose for this case: earlier reviewers and physicians who declined it. */
    public List<String> excludedNpis() {
        return Json.read(excludedNpis, STRINGS);
    }

    public void exclude(String npi) {
        LinkedHashSet<String> all = new LinkedHashSet<>(excludedNpis());
        all.add(npi);
        excludedNpis = Json.write(List.copyOf(all));
    }

    public void excludeAll(List<String> npis) {
        npis.forEach(this::exclude);
    }

    public CoverageDetermined coverage() {
        return Json.read(coverage, CoverageDetermined.class);
    }

    public void coverage(CoverageDetermined value) {
        coverage = Json.write(value);
    }

    public ProvidersMatched matches() {
        return Json.read(matches, ProvidersMatched.class);
    }

    public void matches(ProvidersMatched value) {
        matches = Json.write(value);
    }

    public List<ChecklistItem> checklist() {
        return Json.read(checklist, CHECKLIST);
    }

    public void checklist(List<ChecklistItem> items) {
        checklist = Json.write(new ArrayList<>(items));
    }

    public boolean checklistComplete() {
        return checklist().stream().allMatch(ChecklistItem::done);
    }

    /** Moves to {@code target}, or refuses with 409 when the state machine does not allow it. */
    public void moveTo(CaseStatus target) {
        if (!status.canMoveTo(target)) {
            throw ApiException.conflict("A case in status " + status + " cannot move to " + target + ".");
        }
        status = target;
    }

    public boolean isSelectedPhysician(String npi) {
        return npi != null && npi.equals(selectedNpi) && status.visibleToSelectedPhysician();
    }
}

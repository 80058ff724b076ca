package org.secondopinion.cases.domain;

import com.fasterxml.jackson.core.type.TypeReference;
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

/**
 * A patient's case. Stored by {@code CaseRepository} with plain SQL: a change is written by
 * {@code CaseRepository.save}, which every change must end with. Never sent over the wire: resources
 * answer with views.
 */
public class PatientCase {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ChecklistItem>> CHECKLIST = new TypeReference<>() { };

    public UUID id;
    public String patientId;
    public CaseStatus status;
    /** Counts the saved changes; the case's ETag. */
    public long version;
    public String idempotencyKey;
    public UUID previousCaseId;
    public UUID followUpCaseId;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant submittedAt;
    public Instant coverageAt;
    public Instant matchedAt;
    public String selectedNpi;
    public String selectedName;
    public Instant selectedAt;
    public Instant reviewDueAt;
    public String reportId;
    public Integer reportVersion;
    public OpinionAgreement opinionAgreement;
    public Instant opinionAt;
    public PatientDecision decision;
    public Instant decidedAt;
    public String cancelReason;

    /**
     * The values kept as JSON text, as stored: the typed accessors below read and write them. Public
     * for the repository only.
     */
    public String detailsJson;
    public String questionIdsJson;
    public String excludedNpisJson = "[]";
    public String coverageJson;
    public String matchesJson;
    public String checklistJson = "[]";

    /**
     * The case's open stage: as read with the case, or the one this transaction entered; null when the case
     * is in a last stage (done when entered) or was read without one.
     */
    public CaseStage currentStage;

    /** Stages entered since the case was read or created; {@code CaseRepository} writes them with the case. */
    public final List<CaseStage> unsavedStages = new ArrayList<>();

    /** {@link #detailsJson} read once: a request reads the details several times (checks, event, answer). */
    private CaseDetails details;

    public CaseDetails details() {
        if (details == null) {
            details = Json.read(detailsJson, CaseDetails.class);
        }
        return details;
    }

    public void details(CaseDetails value) {
        detailsJson = Json.write(value);
        details = value;
    }

    /** Stable question ids, assigned at submission in the order of the questions. */
    public List<String> questionIds() {
        return questionIdsJson == null ? List.of() : Json.read(questionIdsJson, STRINGS);
    }

    public void questionIds(List<String> ids) {
        questionIdsJson = Json.write(ids);
    }

    /** Physicians never to propose for this case: earlier reviewers and physicians who declined it. */
    public List<String> excludedNpis() {
        return Json.read(excludedNpisJson, STRINGS);
    }

    public void exclude(String npi) {
        LinkedHashSet<String> all = new LinkedHashSet<>(excludedNpis());
        all.add(npi);
        excludedNpisJson = Json.write(List.copyOf(all));
    }

    public void excludeAll(List<String> npis) {
        npis.forEach(this::exclude);
    }

    public CoverageDetermined coverage() {
        return Json.read(coverageJson, CoverageDetermined.class);
    }

    public void coverage(CoverageDetermined value) {
        coverageJson = Json.write(value);
    }

    public ProvidersMatched matches() {
        return Json.read(matchesJson, ProvidersMatched.class);
    }

    public void matches(ProvidersMatched value) {
        matchesJson = Json.write(value);
    }

    public List<ChecklistItem> checklist() {
        return Json.read(checklistJson, CHECKLIST);
    }

    public void checklist(List<ChecklistItem> items) {
        checklistJson = Json.write(new ArrayList<>(items));
    }

    public boolean checklistComplete() {
        return checklist().stream().allMatch(ChecklistItem::done);
    }

    /**
     * Enters a stage of the timeline: the current one is done when the next is entered. Written with the
     * case.
     */
    public void enter(CaseStage stage) {
        if (currentStage != null) {
            currentStage.doneAt = stage.enteredAt;
        }
        currentStage = stage.doneAt == null ? stage : null;
        unsavedStages.add(stage);
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

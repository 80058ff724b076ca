package org.secondopinion.reports;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.ProviderRef;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

/**
 * One synthetic case, played as case-service would publish it, with unique ids so that tests sharing
 * the database never see each other's data. Names and NPIs are obviously fake; NPIs pass the Luhn check.
 */
final class CaseScenario {

    static final String SOURCE = "/case-service";

    final String caseId = UUID.randomUUID().toString();
    final String patient = "patient-" + UUID.randomUUID();
    final String physicianNpi;
    final String physicianSubject;
    final String primaryNpi = npi();
    final String primaryName = "Dr. Testcase Primary";
    final boolean surgery;
    final Instant submittedAt = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    final Instant selectedAt = submittedAt.plus(1, ChronoUnit.DAYS);
    final Instant plannedDue = selectedAt.plus(10, ChronoUnit.DAYS);
    final List<Question> questions = List.of(
            new Question("q1", "Is the operation necessary now?"),
            new Question("q2", "What else could I try first?"));
    final DocumentRef imaging = new DocumentRef(UUID.randomUUID().toString(), DocumentType.IMAGING, "application/pdf", 4096,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", selectedAt.plus(1, ChronoUnit.HOURS));

    CaseScenario() {
        this(true);
    }

    CaseScenario(boolean surgery) {
        this(surgery, npi(), "dr-" + UUID.randomUUID());
    }

    /** A case of the given physician (several cases on one worklist). */
    CaseScenario(String physicianNpi, String physicianSubject) {
        this(true, physicianNpi, physicianSubject);
    }

    private CaseScenario(boolean surgery, String physicianNpi, String physicianSubject) {
        this.surgery = surgery;
        this.physicianNpi = physicianNpi;
        this.physicianSubject = physicianSubject;
    }

    String physicianToken() {
        return Tokens.physician(physicianSubject, physicianNpi);
    }

    String patientToken() {
        return Tokens.patient(patient);
    }

    CaseSubmitted submitted() {
        return new CaseSubmitted(caseId, patient, null, new MedicalArea("CARDIOLOGY", null),
                List.of(SecondOpinionReason.SURGERY_RECOMMENDED), "Chest pain when climbing stairs",
                new PrimaryProvider(primaryName, primaryNpi, "CARDIOLOGY", null, "Example Heart Practice", null),
                "Stable angina", surgery ? "Coronary bypass surgery" : "Beta blockers", surgery, false, questions,
                new CaseSubmitted.PatientLocation("MA", null, null), "en", List.of(), List.of(), null, submittedAt);
    }

    PhysicianSelected selected() {
        return new PhysicianSelected(caseId, patient, new ProviderRef(physicianNpi, "Dr. Sample Reviewer"),
                new MedicalArea("CARDIOLOGY", null), List.of(SecondOpinionReason.SURGERY_RECOMMENDED),
                "Chest pain when climbing stairs",
                new PrimaryProvider(primaryName, primaryNpi, "CARDIOLOGY", null, "Example Heart Practice", null),
                "Stable angina", surgery ? "Coronary bypass surgery" : "Beta blockers", surgery, false, questions,
                List.of(DocumentType.IMAGING), null, plannedDue, selectedAt);
    }

    PhysicianDeclined declined(Instant at) {
        return new PhysicianDeclined(caseId, patient, physicianNpi, at);
    }

    /** The same case selected again, for another physician, at {@code at}. */
    PhysicianSelected selectedAnother(String npi, Instant at) {
        PhysicianSelected first = selected();
        return new PhysicianSelected(caseId, patient, new ProviderRef(npi, "Dr. Next Reviewer"), first.area(),
                first.reasons(), first.conditionDescription(), first.primaryProvider(), first.primaryDiagnosis(),
                first.recommendedTreatment(), first.surgeryRecommended(), first.primaryProviderAskedToClarify(), questions,
                first.requiredDocuments(), first.previousCaseId(), at.plus(10, ChronoUnit.DAYS), at);
    }

    RecordsCompleted recordsCompleted(Instant at, Instant due) {
        return new RecordsCompleted(caseId, physicianNpi, List.of(imaging), due, at);
    }

    DocumentsRequested documentsRequested(Instant at) {
        return new DocumentsRequested(caseId, physicianNpi, List.of(DocumentType.LAB_RESULTS), "Please add recent blood tests",
                List.of(imaging), at);
    }

    CaseCancelled cancelled() {
        return new CaseCancelled(caseId, patient, "IN_REVIEW", CancelledBy.PATIENT, null, Instant.now());
    }

    static EventEnvelope<DomainEvent> envelope(DomainEvent event) {
        return EventEnvelope.of(SOURCE, event);
    }

    static void send(EventEnvelope<?> envelope) {
        TestTopics.send(Topics.CASES, envelope);
    }

    static void send(DomainEvent event) {
        send(envelope(event));
    }

    /** Plays the usual order and waits until the review is ready for the physician. */
    CaseScenario readyForReview() {
        send(submitted());
        send(selected());
        send(recordsCompleted(selectedAt.plus(2, ChronoUnit.HOURS), selectedAt.plus(7, ChronoUnit.DAYS)));
        awaitReviewState("READY_FOR_REVIEW");
        return this;
    }

    void awaitReviewState(String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = given().auth().oauth2(physicianToken()).get("/api/reviews/" + caseId);
            return response.statusCode() == 200 && state.equals(response.jsonPath().getString("state"));
        });
    }

    /** A complete draft that disagrees with the primary opinion. */
    Map<String, Object> completeDraft(String agreement) {
        return Map.of(
                "physicianCredentials", "MD, board certified in cardiology",
                "recordsReviewed", List.of("Coronary angiogram " + imaging.documentId()),
                "agreement", agreement,
                "diagnosis", "Stable angina with single-vessel disease",
                "recommendedTreatment", "Medication and cardiac rehabilitation",
                "alternatives", List.of("Stent if symptoms persist"),
                "surgeryConcurrence", false,
                "answers", List.of(Map.of("questionId", "q1", "answer", "Not at this point."),
                        Map.of("questionId", "q2", "answer", "Medication and a supervised exercise programme.")),
                "differenceExplanation", "Bypass surgery is for disease of several vessels; the angiogram shows one.",
                "followUpAdvice", "See your cardiologist in three months with a stress test.");
    }

    /** Starts the report with {@code draft}; returns the report id and ETag. */
    Draft startReport(Map<String, Object> draft) {
        Response response = given().auth().oauth2(physicianToken()).contentType(ContentType.JSON).body(draft)
                .post("/api/reviews/" + caseId + "/report");
        response.then().statusCode(201);
        return new Draft(response.jsonPath().getString("id"), response.header("ETag"));
    }

    /** Starts a complete report and issues it; returns the id and the ETag after issue. */
    Draft issueReport(String agreement) {
        return issueReport(completeDraft(agreement));
    }

    Draft issueReport(Map<String, Object> content) {
        Draft draft = startReport(content);
        Response issued = given().auth().oauth2(physicianToken()).header("If-Match", draft.etag())
                .post("/api/reports/" + draft.id() + "/issue");
        issued.then().statusCode(200);
        return new Draft(draft.id(), issued.header("ETag"));
    }

    record Draft(String id, String etag) {
    }

    /** A synthetic NPI: random, prefixed with 9 (never issued that way in tests' data sets) and Luhn-valid with the 80840 prefix. */
    static String npi() {
        String base = "9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String digits = "80840" + base;
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        int check = (10 - sum % 10) % 10;
        return base + check;
    }
}

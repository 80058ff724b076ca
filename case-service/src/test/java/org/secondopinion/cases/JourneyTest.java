package org.secondopinion.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.cases.CaseFixtures.as;
import static org.secondopinion.platform.testing.TestDatabase.awaitConsumed;
import static org.secondopinion.cases.CaseFixtures.awaitStatus;
import static org.secondopinion.cases.CaseFixtures.candidate;
import static org.secondopinion.cases.CaseFixtures.caseWithOptions;
import static org.secondopinion.cases.CaseFixtures.fakeNpi;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.opinion;
import static org.secondopinion.cases.CaseFixtures.patient;
import static org.secondopinion.cases.CaseFixtures.play;
import static org.secondopinion.cases.CaseFixtures.published;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.DocumentsRequested;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.PhysicianDeclined;
import org.secondopinion.events.PatientDecisionRecorded;
import org.secondopinion.events.PhysicianSelected;
import org.secondopinion.events.RecordsCompleted;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.PatientDecision;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

/** The whole journey after submission: selection, records, the opinion and the patient's decision. */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class JourneyTest {

    static final byte[] PDF = "%PDF-1.4\n% synthetic lab results\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static String upload(String patient, String caseId, String type, byte[] content, String mediaType) {
        return RestAssured.given().auth().oauth2(Tokens.patient(patient))
                .multiPart("file", "upload.bin", content, mediaType)
                .multiPart("type", type)
                .post("/api/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void fromSelectionToTheDecisionWithEveryEventPublished() {
        String me = newPatient();
        String npi = fakeNpi();
        String caseId = caseWithOptions(me, candidate(1, npi, List.of("ACME-PPO"), List.of(DocumentType.IMAGING), false),
                candidate(2, fakeNpi(), List.of("ACME-PPO"), List.of(), false));
        var physician = as(Tokens.physician("dr-" + npi, npi));
        physician.get("/api/cases/" + caseId).then().statusCode(404);

        // Selection: the requirements become the checklist, always with the primary provider's records.
        patient(me).body(Map.of("npi", npi)).post("/api/cases/" + caseId + "/selection").then().statusCode(200)
                .body("status", is("PHYSICIAN_SELECTED"))
                .body("selectedPhysician.npi", is(npi))
                .body("checklist.type", contains("MEDICAL_RECORDS", "IMAGING"))
                .body("checklistComplete", is(false))
                .body("reviewDueAt", notNullValue());
        PhysicianSelected selected = published(caseId, PhysicianSelected.class, 1).getFirst();
        assertEquals(caseId, selected.caseId());
        assertEquals(me, selected.patientId());
        assertEquals(npi, selected.physician().npi());
        assertEquals("Dr. Candidate 1", selected.physician().name());
        assertEquals("orthopaedic-surgery", selected.area().specialtyCode());
        assertEquals(List.of(SecondOpinionReason.SURGERY_RECOMMENDED, SecondOpinionReason.LACK_OF_CONFIDENCE), selected.reasons());
        assertEquals("Synthetic meniscus tear", selected.primaryDiagnosis());
        assertEquals("Synthetic arthroscopy", selected.recommendedTreatment());
        assertTrue(selected.surgeryRecommended());
        assertTrue(selected.primaryProviderAskedToClarify());
        assertEquals(List.of("q1", "q2"), selected.questions().stream().map(q -> q.questionId()).toList());
        assertEquals(List.of(DocumentType.MEDICAL_RECORDS, DocumentType.IMAGING), selected.requiredDocuments());
        assertNull(selected.previousCaseId());
        assertNotNull(selected.reviewDueAt());

        // The selected physician now sees the case, without the insurance card.
        physician.get("/api/cases/" + caseId).then().statusCode(200)
                .body("details.primaryDiagnosis", is("Synthetic meniscus tear"))
                .body("details.insurance", nullValue());
        physician.get("/api/cases").then().statusCode(200).body("items.id", hasItem(caseId));
        // Selecting again, or someone else, is refused.
        patient(me).body(Map.of("npi", fakeNpi())).post("/api/cases/" + caseId + "/selection").then().statusCode(409);

        String records = upload(me, caseId, "MEDICAL_RECORDS", PDF, "application/pdf");
        patient(me).get("/api/cases/" + caseId).then().body("status", is("AWAITING_RECORDS"))
                .body("checklist.find { it.type == 'MEDICAL_RECORDS' }.documentId", is(records));
        String imaging = upload(me, caseId, "IMAGING", DocumentTest.PNG, "image/png");
        patient(me).get("/api/cases/" + caseId).then().body("status", is("UNDER_REVIEW")).body("checklistComplete", is(true));

        RecordsCompleted completed = published(caseId, RecordsCompleted.class, 1).getFirst();
        assertEquals(npi, completed.physicianNpi());
        assertEquals(List.of(records, imaging), completed.documents().stream().map(d -> d.documentId()).toList());
        assertEquals(DocumentType.IMAGING, completed.documents().get(1).type());
        assertEquals("image/png", completed.documents().get(1).contentType());
        assertEquals(DocumentTest.PNG.length, completed.documents().get(1).sizeBytes());
        assertEquals(DocumentTest.sha256(DocumentTest.PNG), completed.documents().get(1).sha256());
        assertTrue(completed.reviewDueAt().isAfter(completed.completedAt()));

        // Under review documents can no longer be deleted or added.
        patient(me).delete("/api/cases/" + caseId + "/documents/" + records).then().statusCode(409);

        // The physician asks for more: back to awaiting records until it arrives.
        physician.body(Map.of("types", List.of("LAB_RESULTS"), "note", "Please add your latest blood tests."))
                .post("/api/cases/" + caseId + "/document-requests").then().statusCode(200)
                .body("status", is("AWAITING_RECORDS"));
        DocumentsRequested requested = published(caseId, DocumentsRequested.class, 1).getFirst();
        assertEquals(npi, requested.physicianNpi());
        assertEquals(List.of(DocumentType.LAB_RESULTS), requested.requestedTypes());
        assertEquals("Please add your latest blood tests.", requested.note());
        assertEquals(2, requested.documents().size());
        String labs = upload(me, caseId, "LAB_RESULTS", PDF, "application/pdf");
        patient(me).get("/api/cases/" + caseId).then().body("status", is("UNDER_REVIEW"));
        List<RecordsCompleted> twice = published(caseId, RecordsCompleted.class, 2);
        assertEquals(2, twice.size());
        assertEquals(3, twice.get(1).documents().size());
        assertTrue(twice.get(1).documents().stream().anyMatch(d -> d.documentId().equals(labs)));

        // The decision waits for the opinion.
        patient(me).body(Map.of("decision", "STAY_WITH_PRIMARY")).post("/api/cases/" + caseId + "/decision").then().statusCode(409);
        var issued = opinion(caseId, npi);
        awaitConsumed(play(issued));
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPINION_ISSUED"))
                .body("opinion.reportId", is(issued.reportId()))
                .body("opinion.agreement", is("DISAGREES"));
        // A redelivery of the opinion (another envelope for the same fact) changes nothing.
        awaitConsumed(play(issued));
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPINION_ISSUED"));
        // An amendment changes the agreement that counts; an older version arriving late changes nothing.
        awaitConsumed(play(new OpinionAmended(caseId, issued.reportId(), 3, 1, AmendmentKind.AMENDMENT,
                "Synthetic correction", npi, OpinionAgreement.AGREES, "b".repeat(64), Instant.now())));
        awaitConsumed(play(new OpinionAmended(caseId, issued.reportId(), 2, 1, AmendmentKind.ADDENDUM,
                "Synthetic addendum", npi, OpinionAgreement.AGREES_WITH_REFINEMENTS, "c".repeat(64), Instant.now())));
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPINION_ISSUED"))
                .body("opinion.version", is(3))
                .body("opinion.agreement", is("AGREES"));

        patient(me).body(Map.of("decision", "SWITCH_TO_SECOND")).post("/api/cases/" + caseId + "/decision").then().statusCode(200)
                .body("decision", is("SWITCH_TO_SECOND")).body("followUpCaseId", nullValue());
        PatientDecisionRecorded decision = published(caseId, PatientDecisionRecorded.class, 1).getFirst();
        assertEquals(PatientDecision.SWITCH_TO_SECOND, decision.decision());
        assertEquals(me, decision.patientId());
        assertEquals(npi, decision.physicianNpi());
        assertNull(decision.followUpCaseId());
        patient(me).get("/api/cases/" + caseId).then().body("status", is("CLOSED"));
        patient(me).body(Map.of("decision", "STAY_WITH_PRIMARY")).post("/api/cases/" + caseId + "/decision").then().statusCode(409);
        patient(me).body(Map.of()).post("/api/cases/" + caseId + "/cancel").then().statusCode(409);

        patient(me).get("/api/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("stages.stage", contains("DRAFT", "SUBMITTED", "OPTIONS_READY", "PHYSICIAN_SELECTED", "AWAITING_RECORDS",
                        "UNDER_REVIEW", "AWAITING_RECORDS", "UNDER_REVIEW", "OPINION_ISSUED", "CLOSED"))
                .body("stages.findAll { it.doneAt == null }.size()", is(0))
                .body("stages.find { it.stage == 'UNDER_REVIEW' }.dueAt", notNullValue());
    }

    @Test
    void seekingAnotherOpinionOpensALinkedCaseThatExcludesEveryEarlierReviewer() {
        String me = newPatient();
        String first = fakeNpi();
        String caseId = caseWithOptions(me, candidate(1, first, List.of(), List.of(), false));
        patient(me).body(Map.of("npi", first)).post("/api/cases/" + caseId + "/selection").then().statusCode(200);
        upload(me, caseId, "MEDICAL_RECORDS", PDF, "application/pdf");
        awaitConsumed(play(opinion(caseId, first)));
        awaitStatus(me, caseId, "OPINION_ISSUED");

        String followUp = patient(me).body(Map.of("decision", "SEEK_ANOTHER_OPINION"))
                .post("/api/cases/" + caseId + "/decision").then().statusCode(200)
                .body("followUpCaseId", notNullValue()).extract().path("followUpCaseId");
        PatientDecisionRecorded decision = published(caseId, PatientDecisionRecorded.class, 1).getFirst();
        assertEquals(PatientDecision.SEEK_ANOTHER_OPINION, decision.decision());
        assertEquals(followUp, decision.followUpCaseId());

        patient(me).get("/api/cases/" + followUp).then().statusCode(200)
                .body("status", is("DRAFT"))
                .body("previousCaseId", is(caseId))
                .body("excludedPhysicianNpis", contains(first))
                .body("details.primaryDiagnosis", is("Synthetic meniscus tear"));
        patient(me).get("/api/cases/" + caseId).then().body("followUpCaseId", is(followUp));

        // The follow-up goes through again and its own follow-up excludes both reviewers.
        patient(me).post("/api/cases/" + followUp + "/submit").then().statusCode(200);
        CaseSubmitted submitted = published(followUp, CaseSubmitted.class, 1).getFirst();
        assertEquals(caseId, submitted.previousCaseId());
        assertEquals(List.of(first), submitted.excludedPhysicianNpis());
        String second = fakeNpi();
        play(CaseFixtures.covered(followUp, Instant.now()));
        // A directory that ignored the exclusion would still not get the earlier reviewer offered.
        play(CaseFixtures.matched(followUp, Instant.now(), candidate(1, first, List.of(), List.of(), false),
                candidate(2, second, List.of(), List.of(), false)));
        awaitStatus(me, followUp, "OPTIONS_READY");
        patient(me).get("/api/cases/" + followUp + "/options").then().body("candidates.npi", contains(second));
        patient(me).body(Map.of("npi", first)).post("/api/cases/" + followUp + "/selection").then().statusCode(409);
        patient(me).body(Map.of("npi", second)).post("/api/cases/" + followUp + "/selection").then().statusCode(200);
        assertEquals(caseId, published(followUp, PhysicianSelected.class, 1).getFirst().previousCaseId());
        upload(me, followUp, "MEDICAL_RECORDS", PDF, "application/pdf");
        awaitConsumed(play(opinion(followUp, second)));
        awaitStatus(me, followUp, "OPINION_ISSUED");
        String third = patient(me).body(Map.of("decision", "SEEK_ANOTHER_OPINION"))
                .post("/api/cases/" + followUp + "/decision").then().statusCode(200).extract().path("followUpCaseId");
        patient(me).get("/api/cases/" + third).then().body("excludedPhysicianNpis", contains(first, second));
    }

    @Test
    void aPhysicianWhoDeclinesSendsTheCaseBackToTheOptionsAndIsExcluded() {
        String me = newPatient();
        String first = fakeNpi();
        String second = fakeNpi();
        String caseId = caseWithOptions(me, candidate(1, first, List.of(), List.of(), true),
                candidate(2, second, List.of(), List.of(), false));
        patient(me).body(Map.of("npi", first)).post("/api/cases/" + caseId + "/selection").then().statusCode(200)
                .body("checklist.type", contains("MEDICAL_RECORDS", "REFERRAL_LETTER"));
        String records = upload(me, caseId, "MEDICAL_RECORDS", PDF, "application/pdf");
        // Another physician cannot decline for them.
        as(Tokens.physician("dr-other", second)).post("/api/cases/" + caseId + "/decline").then().statusCode(404);
        as(Tokens.physician("dr-first", first)).post("/api/cases/" + caseId + "/decline").then().statusCode(204);
        PhysicianDeclined declined = published(caseId, PhysicianDeclined.class, 1).getFirst();
        assertEquals(caseId, declined.caseId());
        assertEquals(me, declined.patientId());
        assertEquals(first, declined.physicianNpi());
        assertNotNull(declined.declinedAt());
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPTIONS_READY"))
                .body("selectedPhysician", nullValue())
                .body("excludedPhysicianNpis", contains(first));
        as(Tokens.physician("dr-first", first)).get("/api/cases/" + caseId).then().statusCode(404);
        patient(me).get("/api/cases/" + caseId + "/options").then().body("candidates.npi", contains(second));
        // The records already uploaded count for the next physician.
        patient(me).body(Map.of("npi", second)).post("/api/cases/" + caseId + "/selection").then().statusCode(200)
                .body("status", is("UNDER_REVIEW"))
                .body("checklist[0].documentId", is(records));
        RecordsCompleted completed = published(caseId, RecordsCompleted.class, 1).getFirst();
        assertEquals(second, completed.physicianNpi());
        assertFalse(completed.documents().isEmpty());
    }

    @Test
    void anOpinionIssuedByAPhysicianWhoDeclinedMeanwhileStands() {
        String me = newPatient();
        String first = fakeNpi();
        String second = fakeNpi();
        String caseId = caseWithOptions(me, candidate(1, first, List.of(), List.of(), false),
                candidate(2, second, List.of(), List.of(), false));
        patient(me).body(Map.of("npi", first)).post("/api/cases/" + caseId + "/selection").then().statusCode(200);
        upload(me, caseId, "MEDICAL_RECORDS", PDF, "application/pdf");
        patient(me).get("/api/cases/" + caseId).then().body("status", is("UNDER_REVIEW"));
        // The first physician issues their opinion and declines at the same moment: the decline arrives first,
        // and the patient has already chosen the second physician (the records already there start the review).
        as(Tokens.physician("dr-first", first)).post("/api/cases/" + caseId + "/decline").then().statusCode(204);
        patient(me).body(Map.of("npi", second)).post("/api/cases/" + caseId + "/selection").then().statusCode(200)
                .body("status", is("UNDER_REVIEW"));

        var issued = opinion(caseId, first);
        awaitConsumed(play(issued));
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPINION_ISSUED"))
                .body("opinion.reportId", is(issued.reportId()))
                .body("selectedPhysician.npi", is(first))
                .body("selectedPhysician.name", is("Dr. Candidate 1"));
        as(Tokens.physician("dr-first", first)).get("/api/cases/" + caseId).then().statusCode(200);
        as(Tokens.physician("dr-second", second)).get("/api/cases/" + caseId).then().statusCode(404);
        // Another opinion for the case, from the physician selected since, no longer counts.
        awaitConsumed(play(opinion(caseId, second)));
        patient(me).get("/api/cases/" + caseId).then().body("opinion.reportId", is(issued.reportId()));
        patient(me).body(Map.of("decision", "STAY_WITH_PRIMARY")).post("/api/cases/" + caseId + "/decision").then()
                .statusCode(200);
    }

    @Test
    void anOpinionForACaseNotUnderReviewChangesNothing() {
        String me = newPatient();
        String npi = fakeNpi();
        String caseId = caseWithOptions(me, candidate(1, npi, List.of(), List.of(), false));
        awaitConsumed(play(opinion(caseId, npi)));
        patient(me).get("/api/cases/" + caseId).then().body("status", is("OPTIONS_READY")).body("opinion", nullValue());
    }
}

package org.secondopinion.cases;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.cases.CaseFixtures.completeDetails;
import static org.secondopinion.cases.CaseFixtures.count;
import static org.secondopinion.cases.CaseFixtures.createDraft;
import static org.secondopinion.cases.CaseFixtures.fakeNpi;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.patient;
import static org.secondopinion.cases.CaseFixtures.published;
import static org.secondopinion.cases.CaseFixtures.update;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.secondopinion.cases.domain.CaseStage;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.repository.CaseRepository;
import org.secondopinion.cases.service.CaseService;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.events.CaseCancelled;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseLifecycleTest {

    @Inject
    CaseRepository cases;

    @Inject
    AuditLog audit;

    @Test
    void aPatientCreatesADraftAndEditsItWithIfMatch() {
        String me = newPatient();
        var created = createDraft(me, Map.of("conditionDescription", "Synthetic back pain"));
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/cases/" + created.path("id")))
                .header("ETag", "\"0\"")
                .body("status", is("DRAFT"))
                .body("details.conditionDescription", is("Synthetic back pain"))
                // Every field is in the answer, null until it has a value: clients need not guess.
                .body("$", allOf(hasKey("submittedAt"), hasKey("selectedPhysician"), hasKey("opinion"),
                        hasKey("decision"), hasKey("followUpCaseId")))
                .body("details", allOf(hasKey("primaryProvider"), hasKey("insurance"), hasKey("surgeryRecommended")));
        String id = created.path("id");

        patient(me).body(Map.of("conditionDescription", "edited")).put("/api/cases/" + id)
                .then().statusCode(428);
        patient(me).header("If-Match", "\"7\"").body(Map.of("conditionDescription", "edited")).put("/api/cases/" + id)
                .then().statusCode(412);
        patient(me).header("If-Match", "\"0\"").body(Map.of("conditionDescription", "edited")).put("/api/cases/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("details.conditionDescription", is("edited"));
        // The first client's version is stale now.
        patient(me).header("If-Match", "\"0\"").body(Map.of("conditionDescription", "lost update")).put("/api/cases/" + id)
                .then().statusCode(412);
        patient(me).get("/api/cases/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("details.conditionDescription", is("edited"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyDoesNotCreateTwice() throws Exception {
        String me = newPatient();
        String key = UUID.randomUUID().toString();
        String first = patient(me).header("Idempotency-Key", key).body(Map.of("conditionDescription", "one"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        patient(me).header("Idempotency-Key", key).body(Map.of("conditionDescription", "one"))
                .post("/api/cases").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(first));
        patient(me).get("/api/cases").then().statusCode(200).body("total", is(1));
        // The retry's audit trail is a read of the first case: the draft it would have created left no trace.
        assertEquals(1, count("select count(*) from audit_log where actor = ? and action = 'CREATE'", me));
        assertEquals(1, count("select count(*) from audit_log where actor = ? and action = 'READ' and resource_id = ?", me, first));
        // The same key from another patient is another patient's case.
        String other = newPatient();
        String theirs = patient(other).header("Idempotency-Key", key).body(Map.of()).post("/api/cases")
                .then().statusCode(201).extract().path("id");
        assertFalse(first.equals(theirs));
    }

    @Test
    void aReusedIdempotencyKeyFailsWithoutNamingThePatientOrTheKey() throws Exception {
        String me = newPatient();
        String key = UUID.randomUUID().toString();
        String first = patient(me).header("Idempotency-Key", key).body(Map.of("conditionDescription", "one"))
                .post("/api/cases").then().statusCode(201).extract().path("id");
        PersistenceException failure = assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            PatientCase again = cases.find(UUID.fromString(first)).orElseThrow();
            again.id = UUID.randomUUID();
            CaseStage draft = new CaseStage();
            draft.stage = CaseStatus.DRAFT;
            draft.enteredAt = Instant.now();
            again.currentStage = null;
            again.enter(draft);
            cases.create(again);
        }));
        assertTrue(CaseRepository.idempotencyKeyUsed(failure), "the service tells a used key from other failures");
        // What the database answers is what it writes to its log: neither the patient's subject nor the key.
        ServerErrorMessage error = ((PSQLException) failure.getCause()).getServerErrorMessage();
        assertNull(error.getDetail());
        assertFalse(error.getMessage().contains(me) || error.getMessage().contains(key), error.getMessage());
        assertEquals(1, count("select count(*) from patient_case where patient_id = ?", me));
        assertEquals(1, count("select count(*) from case_stage s join patient_case c on c.id = s.case_id where c.patient_id = ?", me),
                "the retry's stage was not kept either");
    }

    @Test
    void aChangeToACaseThatChangedSinceItWasReadKeepsNothing() throws Exception {
        String me = newPatient();
        String id = createDraft(me, Map.of("conditionDescription", "one")).then().statusCode(201).extract().path("id");
        UUID caseId = UUID.fromString(id);
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            PatientCase read = cases.find(caseId).orElseThrow();
            try {
                update("update patient_case set version = version + 1 where id = ?", caseId); // someone else's change
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            read.updatedAt = Instant.now();
            audit.record("UPDATE", CaseService.RESOURCE, caseId, me);
            cases.save(read); // its commit goes with it: the version check must stop that commit
        }));
        assertEquals(0, count("select count(*) from audit_log where action = 'UPDATE' and resource_id = ?", id),
                "the audit entry sent with the failed save was not kept");
        assertEquals(1, count("select version from patient_case where id = ?", caseId), "only the other change counts");
    }

    @Test
    void retriesSentAtTheSameTimeCreateOneCase() throws Exception {
        String me = newPatient();
        String key = UUID.randomUUID().toString();
        List<Callable<String>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(() -> patient(me).header("Idempotency-Key", key).body(Map.of("conditionDescription", "one"))
                    .post("/api/cases").then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(retries.size());
        try {
            Set<String> ids = new HashSet<>();
            for (Future<String> id : pool.invokeAll(retries)) {
                ids.add(id.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        patient(me).get("/api/cases").then().statusCode(200).body("total", is(1));
    }

    @Test
    void malformedFieldsAreRefusedWithTheFieldNamed() {
        String me = newPatient();
        createDraft(me, Map.of("primaryProvider", Map.of("npi", "12ab"))).then().statusCode(400)
                .body("errors.field", hasItem("primaryProvider.npi"));
        createDraft(me, Map.of("favouriteColour", "blue")).then().statusCode(400)
                .body("errors.field", hasItem("favouriteColour"));
        createDraft(me, Map.of("reasons", List.of("BORED"))).then().statusCode(400);
        patient(me).get("/api/cases").then().body("total", is(0));
    }

    @Test
    void submittingAnIncompleteCaseListsEveryMissingField() {
        String me = newPatient();
        String id = createDraft(me, Map.of("conditionDescription", "Synthetic",
                "insurance", Map.of("payerId", "ACME"))).path("id");
        patient(me).post("/api/cases/" + id + "/submit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("area.specialtyCode", "reasons", "primaryProvider",
                        "primaryDiagnosis", "surgeryRecommended", "clarificationSought", "insurance.memberId",
                        "insurance.firstName", "insurance.lastName", "insurance.dateOfBirth", "location.stateCode"))
                .body("errors.message", everyItem(is("is required to submit")));
        patient(me).get("/api/cases/" + id).then().body("status", is("DRAFT"));
    }

    @Test
    void submittingWritesCaseSubmittedWithEverythingOtherServicesNeed() {
        String me = newPatient();
        String primaryNpi = fakeNpi();
        String recommended = fakeNpi();
        String id = createDraft(me, completeDetails(primaryNpi, List.of(recommended))).path("id");
        patient(me).post("/api/cases/" + id + "/submit").then().statusCode(200)
                .body("status", is("SUBMITTED"))
                .body("submittedAt", notNullValue())
                .body("questions.questionId", contains("q1", "q2"))
                .body("currentStage.stage", is("SUBMITTED"))
                .body("currentStage.dueAt", notNullValue());

        List<CaseSubmitted> events = published(id, CaseSubmitted.class, 1);
        assertEquals(1, events.size(), "exactly one CaseSubmitted");
        CaseSubmitted event = events.getFirst();
        assertEquals(id, event.caseId());
        assertEquals(me, event.patientId());
        assertEquals("ACME", event.insurance().payerId());
        assertEquals("Sam", event.insurance().firstName());
        assertEquals(LocalDate.parse("1980-04-02"), event.insurance().dateOfBirth());
        assertEquals("orthopaedic-surgery", event.area().specialtyCode());
        assertEquals("orthopaedic-sports-medicine", event.area().subSpecialtyCode());
        assertEquals(List.of(SecondOpinionReason.SURGERY_RECOMMENDED, SecondOpinionReason.LACK_OF_CONFIDENCE), event.reasons());
        assertEquals("Synthetic knee pain for eight months", event.conditionDescription());
        assertEquals(primaryNpi, event.primaryProvider().npi());
        assertEquals("Synthetic Bone Clinic", event.primaryProvider().practiceName());
        assertEquals("Synthetic meniscus tear", event.primaryDiagnosis());
        assertEquals("Synthetic arthroscopy", event.recommendedTreatment());
        assertTrue(event.surgeryRecommended());
        assertTrue(event.primaryProviderAskedToClarify());
        assertEquals("q1", event.questions().getFirst().questionId());
        assertEquals("What if I wait?", event.questions().get(1).text());
        assertEquals("MA", event.location().stateCode());
        assertEquals(42.36, event.location().latitude());
        assertEquals("en-US", event.preferredLanguage());
        assertEquals(List.of(recommended), event.recommendedPhysicianNpis());
        assertEquals(List.of(), event.excludedPhysicianNpis());
        assertNull(event.previousCaseId());
        assertNotNull(event.submittedAt());
    }

    @Test
    void aSelfPayingPatientSubmitsWithoutInsurance() {
        String me = newPatient();
        Map<String, Object> details = new HashMap<>(completeDetails(fakeNpi(), List.of()));
        details.remove("insurance");
        String id = createDraft(me, details).path("id");
        patient(me).post("/api/cases/" + id + "/submit").then().statusCode(200);
        assertNull(published(id, CaseSubmitted.class, 1).getFirst().insurance());
    }

    @Test
    void transitionsTheStateMachineDoesNotAllowAreRefusedWith409() {
        String me = newPatient();
        String id = CaseFixtures.submittedCase(me, List.of());
        patient(me).post("/api/cases/" + id + "/submit").then().statusCode(409);
        patient(me).header("If-Match", "\"1\"").body(Map.of()).put("/api/cases/" + id).then().statusCode(409);
        patient(me).body(Map.of("npi", fakeNpi())).post("/api/cases/" + id + "/selection").then().statusCode(409);
        patient(me).body(Map.of("decision", "STAY_WITH_PRIMARY")).post("/api/cases/" + id + "/decision").then().statusCode(409);
        patient(me).body(Map.of()).post("/api/cases/" + id + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
        patient(me).body(Map.of()).post("/api/cases/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        patient(me).post("/api/cases/" + id + "/submit").then().statusCode(409);
    }

    @Test
    void cancellingASubmittedCasePublishesCaseCancelledAndADraftDoesNot() {
        String me = newPatient();
        String id = CaseFixtures.submittedCase(me, List.of());
        patient(me).body(Map.of("reason", "Found a physician myself")).post("/api/cases/" + id + "/cancel")
                .then().statusCode(200).body("status", is("CANCELLED"));
        CaseCancelled event = published(id, CaseCancelled.class, 1).getFirst();
        assertEquals(id, event.caseId());
        assertEquals(me, event.patientId());
        assertEquals("SUBMITTED", event.stage());
        assertEquals(CancelledBy.PATIENT, event.cancelledBy());
        assertEquals("Found a physician myself", event.reason());

        String draft = createDraft(me, Map.of()).path("id");
        patient(me).body(Map.of()).post("/api/cases/" + draft + "/cancel").then().statusCode(200);
        assertEquals(0, CaseFixtures.publishedWithin(draft, CaseCancelled.class, java.time.Duration.ofSeconds(3)).size());

        String byCoordinator = CaseFixtures.submittedCase(me, List.of());
        CaseFixtures.as(Tokens.coordinator("carol")).body(Map.of()).post("/api/cases/" + byCoordinator + "/cancel")
                .then().statusCode(200);
        assertEquals(CancelledBy.COORDINATOR, published(byCoordinator, CaseCancelled.class, 1).getFirst().cancelledBy());
    }

    @Test
    void aPatientListsOwnCasesPagedAndFilteredByStatus() {
        String me = newPatient();
        String draft1 = createDraft(me, Map.of()).path("id");
        String draft2 = createDraft(me, Map.of()).path("id");
        String submitted = CaseFixtures.submittedCase(me, List.of());
        createDraft(newPatient(), Map.of());

        patient(me).get("/api/cases?size=2").then().statusCode(200)
                .body("total", is(3)).body("items.size()", is(2)).body("page", is(0))
                .body("items[0].id", is(submitted));
        patient(me).get("/api/cases?size=2&page=1").then().body("items.size()", is(1)).body("items[0].id", is(draft1));
        patient(me).get("/api/cases?status=DRAFT").then().body("total", is(2))
                .body("items.id", containsInAnyOrder(draft1, draft2));
        patient(me).get("/api/cases?status=SUBMITTED").then().body("items.id", contains(submitted))
                .body("items[0].currentStageDueAt", notNullValue())
                .body("items[0].details", nullValue());
        patient(me).get("/api/cases?status=WHATEVER").then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void anotherPatientsCaseAnswers404AndTheAttemptIsAudited() throws Exception {
        String me = newPatient();
        String id = createDraft(me, Map.of("conditionDescription", "mine")).path("id");
        String intruder = newPatient();
        patient(intruder).get("/api/cases/" + id).then().statusCode(404).contentType("application/problem+json");
        patient(intruder).header("If-Match", "\"0\"").body(Map.of()).put("/api/cases/" + id).then().statusCode(404);
        patient(intruder).post("/api/cases/" + id + "/submit").then().statusCode(404);
        patient(intruder).get("/api/cases/" + id + "/timeline").then().statusCode(404);
        patient(intruder).get("/api/cases/" + id + "/access-log").then().statusCode(404);
        patient(intruder).get("/api/cases/" + UUID.randomUUID()).then().statusCode(404);
        // A physician who was not selected sees nothing either.
        CaseFixtures.as(Tokens.physician("dr-x", fakeNpi())).get("/api/cases/" + id).then().statusCode(404);
        // Coordinators see timelines, not the case's clinical content.
        CaseFixtures.as(Tokens.coordinator("carol")).get("/api/cases/" + id).then().statusCode(403);
        CaseFixtures.as(Tokens.coordinator("carol")).get("/api/cases/" + id + "/timeline").then().statusCode(200)
                .body("stages.stage", contains("DRAFT"));
        assertEquals(5, count("select count(*) from audit_log where resource_id = ? and outcome = 'DENIED' and actor = ?",
                id, intruder));

        var log = patient(me).get("/api/cases/" + id + "/access-log").then().statusCode(200).extract();
        List<String> actors = log.path("items.actor");
        assertTrue(actors.contains(intruder), "the patient sees the refused attempts too");
        assertTrue(actors.contains("carol"), "and the coordinator's reading of the timeline");
        List<String> outcomes = log.path("items.findAll { it.actor == '" + intruder + "' }.outcome");
        assertEquals(5, outcomes.size());
        assertTrue(outcomes.stream().allMatch("DENIED"::equals), "refusals are recorded as such: " + outcomes);
    }

    @Test
    void guidanceIsNotPartOfTheCaseButAnyoneSignedInMayAsk() {
        CaseFixtures.as(Tokens.coordinator("carol")).body(Map.of("reasons", List.of("REASSURANCE")))
                .post("/api/guidance/assessment").then().statusCode(200).body("strength", is("YOUR_CHOICE"));
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("reasons", List.of()))
                .post("/api/guidance/assessment").then().statusCode(401);
    }
}

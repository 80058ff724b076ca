package org.secondopinion.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.cases.CaseFixtures.as;
import static org.secondopinion.cases.CaseFixtures.awaitStatus;
import static org.secondopinion.cases.CaseFixtures.candidate;
import static org.secondopinion.cases.CaseFixtures.covered;
import static org.secondopinion.cases.CaseFixtures.fakeNpi;
import static org.secondopinion.cases.CaseFixtures.matched;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.patient;
import static org.secondopinion.cases.CaseFixtures.play;
import static org.secondopinion.cases.CaseFixtures.submittedCase;
import static org.secondopinion.cases.CaseFixtures.update;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class ClocksAndAccessTest {

    @Test
    void everyStageRecordsWhenItWasEnteredDueAndDone() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        var timeline = patient(me).get("/api/cases/" + id + "/timeline").then().statusCode(200)
                .body("status", is("SUBMITTED"))
                .body("stages.stage", contains("DRAFT", "SUBMITTED"))
                .body("stages[0].dueAt", org.hamcrest.Matchers.nullValue())
                .body("stages[0].doneAt", org.hamcrest.Matchers.notNullValue())
                .body("stages[1].overdue", is(false)).extract();
        Instant entered = Instant.parse(timeline.path("stages[1].enteredAt"));
        Instant due = Instant.parse(timeline.path("stages[1].dueAt"));
        // Options within one business day: the next weekday, at the same time.
        Instant expected = entered.atZone(ZoneOffset.UTC).plusDays(1).toInstant();
        while (expected.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SATURDAY
                || expected.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SUNDAY) {
            expected = expected.plus(Duration.ofDays(1));
        }
        assertEquals(expected, due);
    }

    @Test
    void coordinatorsListOverdueCasesAcrossAllPatients() throws Exception {
        String alice = newPatient();
        String bob = newPatient();
        String late = submittedCase(alice, List.of());
        String onTime = submittedCase(bob, List.of());
        String lateToo = submittedCase(bob, List.of());
        update("update case_stage set due_at = now() - interval '2 hours' where case_id = ?::uuid and done_at is null", late);
        update("update case_stage set due_at = now() - interval '1 hour' where case_id = ?::uuid and done_at is null", lateToo);

        var coordinator = as(Tokens.coordinator("carol"));
        coordinator.get("/api/cases/overdue?size=100").then().statusCode(200)
                .body("items.caseId", hasItem(late))
                .body("items.caseId", hasItem(lateToo))
                .body("items.caseId", not(hasItem(onTime)))
                .body("items.find { it.caseId == '" + late + "' }.stage", is("SUBMITTED"));
        patient(alice).get("/api/cases/" + late + "/timeline").then().body("stages[1].overdue", is(true));
        patient(alice).get("/api/cases/overdue").then().statusCode(403);

        // Once the stage is done, the case is no longer overdue.
        play(covered(late, Instant.now()));
        play(matched(late, Instant.now(), candidate(1, fakeNpi(), List.of(), List.of(), false)));
        awaitStatus(alice, late, "OPTIONS_READY");
        coordinator.get("/api/cases/overdue?size=100").then().body("items.caseId", not(hasItem(late)));
        // Coordinators see every case's status, without clinical content.
        coordinator.get("/api/cases?status=SUBMITTED&size=100").then().statusCode(200)
                .body("items.id", hasItem(onTime))
                .body("items[0].details", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void thePatientSeesWhoAccessedTheirCaseAndDocuments() {
        String me = newPatient();
        String[] c = DocumentTest.selectedCase(me, List.of(DocumentType.IMAGING));
        String caseId = c[0];
        String npi = c[1];
        String docId = DocumentTest.uploadAs(Tokens.patient(me), DocumentTest.PDF, "application/pdf", "MEDICAL_RECORDS")
                .post("/api/cases/" + caseId + "/documents").then().statusCode(201).extract().path("id");
        as(Tokens.physician("dr-reader", npi)).get("/api/cases/" + caseId).then().statusCode(200);
        as(Tokens.physician("dr-reader", npi)).get("/api/cases/" + caseId + "/documents/" + docId + "/content").then().statusCode(200);
        as(Tokens.coordinator("carol")).get("/api/cases/" + caseId + "/timeline").then().statusCode(200);

        var log = patient(me).get("/api/cases/" + caseId + "/access-log").then().statusCode(200).extract();
        List<Map<String, Object>> items = log.path("items");
        assertTrue(items.stream().anyMatch(e -> "dr-reader".equals(e.get("actor")) && "physician".equals(e.get("actorRole"))
                && "READ".equals(e.get("action")) && "case".equals(e.get("resourceType"))), "the physician's read");
        assertTrue(items.stream().anyMatch(e -> "dr-reader".equals(e.get("actor")) && "DOWNLOAD".equals(e.get("action"))
                && (caseId + "/" + docId).equals(e.get("resourceId")) && "SUCCESS".equals(e.get("outcome"))), "the download");
        assertTrue(items.stream().anyMatch(e -> "carol".equals(e.get("actor")) && "READ_TIMELINE".equals(e.get("action"))));
        assertTrue(items.stream().anyMatch(e -> me.equals(e.get("actor")) && "UPLOAD".equals(e.get("action"))));
        assertTrue(items.stream().anyMatch(e -> "system".equals(e.get("actor")) && "APPLY_MATCHES".equals(e.get("action"))),
                "what the service itself did with the case");
        // Newest first.
        List<String> times = log.path("items.occurredAt");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(Instant.parse(times.get(i - 1)).compareTo(Instant.parse(times.get(i))) >= 0);
        }
        // Someone else's log is not theirs to read; a physician cannot read it either.
        patient(newPatient()).get("/api/cases/" + caseId + "/access-log").then().statusCode(404);
        as(Tokens.physician("dr-reader", npi)).get("/api/cases/" + caseId + "/access-log").then().statusCode(403);
    }
}

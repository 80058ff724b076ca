package org.secondopinion.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secondopinion.cases.CaseFixtures.as;
import static org.secondopinion.platform.testing.TestDatabase.awaitConsumed;
import static org.secondopinion.cases.CaseFixtures.awaitStatus;
import static org.secondopinion.cases.CaseFixtures.candidate;
import static org.secondopinion.cases.CaseFixtures.count;
import static org.secondopinion.cases.CaseFixtures.covered;
import static org.secondopinion.cases.CaseFixtures.fakeNpi;
import static org.secondopinion.cases.CaseFixtures.matched;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.patient;
import static org.secondopinion.cases.CaseFixtures.pending;
import static org.secondopinion.cases.CaseFixtures.play;
import static org.secondopinion.cases.CaseFixtures.submittedCase;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.ProvidersMatched.RecommendedOutcome;
import org.secondopinion.events.Topics;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.Money;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class OptionsTest {

    @Test
    void coverageThenMatchesMakeTheOptionsReady() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        play(covered(id, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                patient(me).get("/api/cases/" + id + "/options").then().extract().path("coverage.outcome") != null);
        patient(me).get("/api/cases/" + id).then().body("status", is("SUBMITTED"));
        play(matched(id, Instant.now(), candidate(1, fakeNpi(), List.of("ACME-PPO"), List.of(), false)));
        awaitStatus(me, id, "OPTIONS_READY");
    }

    @Test
    void matchesThenCoverageMakeTheOptionsReadyToo() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        play(matched(id, Instant.now(), candidate(1, fakeNpi(), List.of("ACME-PPO"), List.of(), false)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                ((List<?>) patient(me).get("/api/cases/" + id + "/options").then().extract().path("candidates")).size() == 1);
        patient(me).get("/api/cases/" + id).then().body("status", is("SUBMITTED"));
        play(covered(id, Instant.now()));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).get("/api/cases/" + id + "/timeline").then().statusCode(200)
                .body("stages.stage", contains("DRAFT", "SUBMITTED", "OPTIONS_READY"))
                .body("stages[1].doneAt", org.hamcrest.Matchers.notNullValue())
                .body("stages[2].doneAt", nullValue());
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        EventEnvelope<CoverageDetermined> coverage = EventEnvelope.of("/insurance-eligibility-service", covered(id, Instant.now()));
        EventEnvelope<ProvidersMatched> matches = EventEnvelope.of("/provider-directory-service",
                matched(id, Instant.now(), candidate(1, fakeNpi(), List.of("ACME-PPO"), List.of(), false)));
        TestTopics.send(Topics.COVERAGE, coverage);
        TestTopics.send(Topics.COVERAGE, coverage);
        TestTopics.send(Topics.PROVIDERS, matches);
        TestTopics.send(Topics.PROVIDERS, matches);
        TestTopics.send(Topics.COVERAGE, coverage);
        awaitStatus(me, id, "OPTIONS_READY");
        // Newer facts for the same case (same key, same partition) after the duplicates: once they are
        // applied, every duplicate before them was seen.
        awaitConsumed(play(covered(id, Instant.now().plusSeconds(5))));
        awaitConsumed(play(matched(id, Instant.now().plusSeconds(5), candidate(1, fakeNpi(), List.of(), List.of(), false))));
        assertEquals(2, count("select count(*) from audit_log where resource_id = ? and action = 'APPLY_COVERAGE'", id),
                "the determination and the newer one, each once");
        assertEquals(2, count("select count(*) from audit_log where resource_id = ? and action = 'APPLY_MATCHES'", id));
        assertEquals(1, count("select count(*) from case_stage where case_id = ?::uuid and stage = 'OPTIONS_READY'", id));
    }

    @Test
    void pendingCoverageShowsOptionsAndTheInsurersLaterAnswerReplacesIt() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        Instant first = Instant.now();
        play(pending(id, first));
        play(matched(id, first, candidate(1, fakeNpi(), List.of("ACME-PPO"), List.of(), false)));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).get("/api/cases/" + id + "/options").then().statusCode(200)
                .body("coverage.outcome", is("PENDING_INSURER"))
                .body("coverage.pending", is(true))
                .body("candidates[0].estimatedCost.basis", is("UNKNOWN"));
        play(covered(id, first.plusSeconds(60)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "COVERED".equals(patient(me).get("/api/cases/" + id + "/options").then().extract().path("coverage.outcome")));
        // An older determination arriving late does not replace the newer one.
        awaitConsumed(play(pending(id, first.minusSeconds(60))));
        patient(me).get("/api/cases/" + id + "/options").then().body("coverage.outcome", is("COVERED"));
    }

    @Test
    void thePatientSeesCoverageRankedCandidatesWithNetworkAndCostAndTheirRecommendedPhysicians() {
        String me = newPatient();
        String inNetwork = fakeNpi();
        String outOfNetwork = fakeNpi();
        String samePractice = fakeNpi();
        String unknown = fakeNpi();
        String id = submittedCase(me, List.of(outOfNetwork, samePractice, unknown));
        play(covered(id, Instant.now()));
        play(matched(id, Instant.now(),
                List.of(new RecommendedOutcome(outOfNetwork, "Dr. Candidate 2", true, true, 2,
                                List.of("Recommended to you, and meets every requirement", "Sports medicine sub-specialist")),
                        new RecommendedOutcome(samePractice, "Dr. Same Practice", true, false, null,
                                List.of("same practice as your physician", "certification not verified")),
                        new RecommendedOutcome(unknown, null, false, false, null,
                                List.of("not in the directory: credentials cannot be verified"))),
                candidate(1, inNetwork, List.of("ACME-PPO"), List.of(DocumentType.IMAGING), false),
                candidate(2, outOfNetwork, List.of("OTHER-HMO"), List.of(), true)));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).get("/api/cases/" + id + "/options").then().statusCode(200)
                .body("coverage.outcome", is("COVERED"))
                .body("coverage.copay.amount", is(40.00f))
                .body("coverage.priorAuthorizationRequired", is(false))
                .body("coverage.selfPayEstimate.amount", is(450.00f))
                .body("candidates.npi", contains(inNetwork, outOfNetwork))
                .body("candidates[0].inNetwork", is(true))
                .body("candidates[0].estimatedCost.basis", is("COPAY"))
                .body("candidates[0].estimatedCost.amount.amount", is(40.00f))
                .body("candidates[0].why", hasItem("Sports medicine sub-specialist"))
                .body("candidates[0].boardCertifications[0].status", is("CERTIFIED"))
                .body("candidates[0].boardCertifications[0].verifiedAt", is("2026-01-15T00:00:00Z"))
                .body("candidates[1].inNetwork", is(false))
                // The plan covers in-network physicians only: out of network the patient pays the self-pay price.
                .body("candidates[1].estimatedCost.basis", is("SELF_PAY"))
                .body("candidates[1].estimatedCost.amount.amount", is(450.00f))
                .body("recommended.npi", contains(outOfNetwork, samePractice, unknown))
                .body("recommended[0].name", is("Dr. Candidate 2"))
                .body("recommended[0].qualifies", is(true))
                .body("recommended[0].rank", is(2))
                .body("recommended[0].reasons", contains("Recommended to you, and meets every requirement",
                        "Sports medicine sub-specialist"))
                // Every reason the directory gave, not a guess.
                .body("recommended[1].name", is("Dr. Same Practice"))
                .body("recommended[1].qualifies", is(false))
                .body("recommended[1].rank", nullValue())
                .body("recommended[1].reasons", contains("same practice as your physician", "certification not verified"))
                .body("recommended[2].name", nullValue())
                .body("recommended[2].qualifies", is(false))
                .body("recommended[2].reasons", contains("not in the directory: credentials cannot be verified"))
                .body("excludedCounts[0].reason", is("PRIMARY_PROVIDER"));
        patient(newPatient()).get("/api/cases/" + id + "/options").then().statusCode(404);
    }

    @Test
    void withoutOutcomesFromTheDirectoryRecommendedPhysiciansAreStillShownWithAPlainReason() {
        String me = newPatient();
        String qualifying = fakeNpi();
        String other = fakeNpi();
        String id = submittedCase(me, List.of(qualifying, other));
        patient(me).get("/api/cases/" + id + "/options").then().statusCode(200)
                .body("recommended.reasons", contains(List.of("The match is not ready yet."), List.of("The match is not ready yet.")));
        play(covered(id, Instant.now()));
        // A match from an older directory, which reported no outcomes for recommended physicians.
        play(matched(id, Instant.now(), candidate(1, qualifying, List.of("ACME-PPO"), List.of(), false)));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).get("/api/cases/" + id + "/options").then().statusCode(200)
                .body("recommended.npi", contains(qualifying, other))
                .body("recommended[0].qualifies", is(true))
                .body("recommended[0].rank", is(1))
                .body("recommended[0].name", is("Dr. Candidate 1"))
                .body("recommended[0].reasons", hasItem("Sports medicine sub-specialist"))
                .body("recommended[1].qualifies", is(false))
                .body("recommended[1].reasons[0]", containsString("Not among the qualified candidates"));
    }

    @Test
    void aRecommendedPhysicianWhoDeclinedTheCaseIsShownAsExcludedNotAsQualifying() {
        String me = newPatient();
        String recommended = fakeNpi();
        String other = fakeNpi();
        String id = submittedCase(me, List.of(recommended));
        play(covered(id, Instant.now()));
        play(matched(id, Instant.now(),
                List.of(new RecommendedOutcome(recommended, "Dr. Candidate 1", true, true, 1,
                        List.of("Recommended to you, and meets every requirement"))),
                candidate(1, recommended, List.of("ACME-PPO"), List.of(), false),
                candidate(2, other, List.of("ACME-PPO"), List.of(), false)));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).body(Map.of("npi", recommended)).post("/api/cases/" + id + "/selection").then().statusCode(200);
        as(Tokens.physician("dr-rec", recommended)).post("/api/cases/" + id + "/decline").then().statusCode(204);
        patient(me).get("/api/cases/" + id + "/options").then().statusCode(200)
                .body("candidates.npi", contains(other))
                .body("recommended[0].npi", is(recommended))
                .body("recommended[0].name", is("Dr. Candidate 1"))
                .body("recommended[0].qualifies", is(false))
                .body("recommended[0].rank", nullValue())
                .body("recommended[0].reasons", contains("Excluded for this case (an earlier reviewer, or declined the case)."));
    }

    @Test
    void notCoveredShowsTheReasonAndTheSelfPayEstimate() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        play(new CoverageDetermined(id, UUID.randomUUID().toString(), CoverageOutcome.NOT_COVERED, true, "ACME", "ACME-BRONZE",
                "Acme Bronze", List.of(), false, null, null, false, Money.of("450.00", "USD"),
                List.of("Your plan does not cover second opinions."), "R-9", Instant.now()));
        play(matched(id, Instant.now(), candidate(1, fakeNpi(), List.of("ACME-PPO"), List.of(), false)));
        awaitStatus(me, id, "OPTIONS_READY");
        patient(me).get("/api/cases/" + id + "/options").then()
                .body("coverage.outcome", is("NOT_COVERED"))
                .body("coverage.reasons", contains("Your plan does not cover second opinions."))
                .body("candidates[0].estimatedCost.basis", is("SELF_PAY"))
                .body("candidates[0].estimatedCost.amount.amount", is(450.00f));
    }

    @Test
    void eventsForACancelledCaseChangeNothing() {
        String me = newPatient();
        String id = submittedCase(me, List.of());
        patient(me).body(java.util.Map.of()).post("/api/cases/" + id + "/cancel").then().statusCode(200);
        awaitConsumed(play(covered(id, Instant.now())));
        awaitConsumed(play(matched(id, Instant.now(), candidate(1, fakeNpi(), List.of(), List.of(), false))));
        patient(me).get("/api/cases/" + id).then().body("status", is("CANCELLED"));
    }
}

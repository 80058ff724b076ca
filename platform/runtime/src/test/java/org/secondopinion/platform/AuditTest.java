package org.secondopinion.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.secondopinion.platform.WiringTestSupport.count;
import static org.secondopinion.platform.WiringTestSupport.createNote;
import static org.secondopinion.platform.WiringTestSupport.createdId;
import static org.secondopinion.platform.WiringTestSupport.failingNote;
import static org.secondopinion.platform.WiringTestSupport.database;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.probe.ProbeResource;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class AuditTest {

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void writesAndReadsAreAuditedAndThePatientCanListWhoAccessed() {
        String patient = "pat-audit-" + UUID.randomUUID();
        UUID id = createdId(given().auth().oauth2(Tokens.patient(patient)).header("X-Request-Id", "audit-create-1")
                .contentType("application/json").body("{\"text\":\"audited\"}").post("/api/probe/notes").then().extract().response());
        given().auth().oauth2(Tokens.patient(patient)).get("/api/probe/notes/" + id).then().statusCode(200);
        // Another patient trying the same id gets 404, and the attempt is recorded as denied.
        given().auth().oauth2(Tokens.patient("pat-audit-intruder")).get("/api/probe/notes/" + id).then().statusCode(404);

        List<AuditEntry> entries = audit.forPatient(patient, 0, 50);
        assertEquals(List.of("READ:DENIED:pat-audit-intruder", "READ:SUCCESS:" + patient, "CREATE:SUCCESS:" + patient),
                entries.stream().map(e -> e.action() + ":" + e.outcome() + ":" + e.actor()).toList());
        AuditEntry created = entries.getLast();
        assertEquals("patient", created.actorRole());
        assertEquals("probe-note", created.resourceType());
        assertEquals(id.toString(), created.resourceId());
        assertEquals("audit-create-1", created.requestId());
    }

    /**
     * As many refused reads at once as the pool has connections, each holding one while it is refused: every one
     * is answered 404 and audited. Were a refusal recorded in a transaction of its own while the request's was
     * open, each would wait for a second connection that none can give back (and fail after the pool's
     * acquisition timeout).
     */
    @Test
    void refusalsThatHoldEveryConnectionAreAllAnsweredAndAudited() throws Exception {
        String patient = "pat-audit-crowd-" + UUID.randomUUID();
        UUID id = createdId(createNote(patient, "crowded"));
        List<Callable<Integer>> intruders = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            String intruder = "pat-audit-crowd-intruder-" + i;
            intruders.add(() -> given().auth().oauth2(Tokens.patient(intruder)).get("/api/probe/notes/" + id).statusCode());
        }
        ExecutorService clients = Executors.newFixedThreadPool(poolSize);
        ProbeResource.refusalsMeet(poolSize);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(intruders)) {
                statuses.add(status.get());
            }
            assertEquals(Collections.nCopies(poolSize, 404), statuses);
        } finally {
            ProbeResource.refusalsMeet(0);
            clients.shutdown();
        }
        assertEquals(poolSize, audit.forPatient(patient, 0, 100).stream()
                .filter(e -> e.action().equals("READ") && e.outcome().equals(AuditLog.DENIED)).count());
    }

    @Test
    void aRoleRefusedByAnEndpointsRuleIsAuditedAsDenied() {
        String patient = "pat-audit-role-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.patient(patient)).get("/api/probe/coordinators-only").then().statusCode(403);
        List<AuditEntry> refusals = audit.forResource(AuditLog.ENDPOINT, "/api/probe/coordinators-only", 0, 100).stream()
                .filter(e -> e.actor().equals(patient)).toList();
        assertEquals(1, refusals.size());
        assertEquals("GET", refusals.getFirst().action());
        assertEquals(AuditLog.DENIED, refusals.getFirst().outcome());
        assertEquals("patient", refusals.getFirst().actorRole());
    }

    @Test
    void aRolledBackWriteLeavesNoSuccessRecord() throws Exception {
        String patient = "pat-audit-rollback-" + UUID.randomUUID();
        failingNote(patient, "fails").then().statusCode(500);
        assertEquals(0, count("select count(*) from audit_log where patient_id = ?", patient));
    }

    @Test
    void theAuditLogIsAppendOnly() throws Exception {
        createNote("pat-audit-append", "one").then().statusCode(201);
        try (Connection connection = database()) {
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("update audit_log set actor = 'someone else'"));
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("delete from audit_log"));
        }
    }
}

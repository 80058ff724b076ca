package org.secondopinion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.platform.WiringTestSupport.DEAD_LETTERS;
import static org.secondopinion.platform.WiringTestSupport.PROBE_TOPIC;
import static org.secondopinion.platform.WiringTestSupport.count;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.platform.probe.ProbeConsumer;
import org.secondopinion.platform.probe.ProbeEvents;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class InboxTest {

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String caseId = UUID.randomUUID().toString();
        EventEnvelope<?> event = EventEnvelope.of("/case-service", ProbeEvents.cancelled(caseId, "pat-inbox-1"));
        TestTopics.send(PROBE_TOPIC, event);
        TestTopics.send(PROBE_TOPIC, event);
        // A different event for the same case is a new fact and counts.
        TestTopics.send(PROBE_TOPIC, EventEnvelope.of("/case-service", ProbeEvents.cancelled(caseId, "pat-inbox-1")));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select coalesce(max(applied_count), 0) from probe_applied where subject = ?", caseId) == 2);
        Thread.sleep(500);
        assertEquals(2, count("select applied_count from probe_applied where subject = ?", caseId));
        assertEquals(1, count("select count(*) from inbox_event where consumer = 'probe' and event_id = ?", event.id()));
    }

    @Test
    void anEventWhoseTransactionLosesItsDatabaseConnectionIsAppliedOnTheNextAttempt() throws Exception {
        String subject = ProbeConsumer.LOSES_CONNECTION + UUID.randomUUID();
        EventEnvelope<?> event = EventEnvelope.of("/case-service", ProbeEvents.cancelled(subject, "pat-inbox-3"));
        TestTopics.send(PROBE_TOPIC, event);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from probe_applied where subject = ?", subject) == 1);
        assertEquals(1, count("select applied_count from probe_applied where subject = ?", subject), "applied once");
        assertEquals(1, count("select count(*) from inbox_event where consumer = 'probe' and event_id = ?", event.id()));
        assertTrue(TestTopics.await(DEAD_LETTERS, record -> subject.equals(record.key()), 1, Duration.ofSeconds(3)).isEmpty(),
                "nothing on the dead-letter topic");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsStillApplied() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        TestTopics.send(PROBE_TOPIC, poisonKey, "{\"this is\": \"not an event\"");
        String caseId = UUID.randomUUID().toString();
        TestTopics.send(PROBE_TOPIC, EventEnvelope.of("/case-service", ProbeEvents.cancelled(caseId, "pat-inbox-2")));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from probe_applied where subject = ?", caseId) == 1);
        List<ConsumerRecord<String, String>> dead = TestTopics.await(DEAD_LETTERS, record -> poisonKey.equals(record.key()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, dead.size(), "the poison message is on the dead-letter topic");
        String reason = TestTopics.header(dead.getFirst(), "dead-letter-reason");
        assertNotNull(reason, "with the reason");
        assertFalse(reason.contains("not an event"), "the reason names the problem, not the content");
    }
}

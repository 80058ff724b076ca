package org.secondopinion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.EventCodec;
import org.secondopinion.events.Topics;
import org.secondopinion.platform.outbox.OutboxRelay;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.TestTopics;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    @Inject
    OutboxRelay relay;

    @Test
    void committedEventReachesItsTopicInItsEnvelope() {
        UUID noteId = createdId(createNote("pat-outbox-1", "first note"));

        List<ConsumerRecord<String, String>> records = TestTopics.await(Topics.CASES,
                record -> noteId.toString().equals(record.key()), 1, Duration.ofSeconds(20));

        assertEquals(1, records.size(), "the event arrives exactly once");
        ConsumerRecord<String, String> record = records.getFirst();
        var envelope = EventCodec.decode(record.value());
        assertEquals("1.0", envelope.specversion());
        assertEquals("case.cancelled.v1", envelope.type());
        assertEquals("/platform-probe", envelope.source());
        assertEquals(noteId.toString(), envelope.subject(), "subject is the case id");
        assertTrue(envelope.time().isBefore(Instant.now().plusSeconds(1)));
        assertEquals("application/cloudevents+json; charset=UTF-8", TestTopics.header(record, "content-type"));
    }

    @Test
    void rolledBackTransactionWritesAndSendsNothing() throws Exception {
        long outboxBefore = count("select count(*) from outbox_event");
        failingNote("pat-outbox-2", "doomed note").then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("doomed")));
        UUID kept = createdId(createNote("pat-outbox-2", "kept note"));

        // The event of the committed request arrives; by then the failed one would have too.
        TestTopics.await(Topics.CASES, record -> kept.toString().equals(record.key()), 1, Duration.ofSeconds(20));
        assertEquals(outboxBefore + 1, count("select count(*) from outbox_event"), "only the committed event was written");
        assertEquals(0, count("select count(*) from probe_note where text = 'doomed note'"));
        List<ConsumerRecord<String, String>> fromFailed = TestTopics.await(Topics.CASES,
                record -> record.value().contains("pat-outbox-2") && !record.key().equals(kept.toString()), 1, Duration.ofSeconds(2));
        assertTrue(fromFailed.isEmpty(), "no event of the rolled-back request was sent");
    }

    @Test
    void anotherInstanceHoldingTheRelayLockKeepsThisOneFromSending() throws Exception {
        try (Connection otherInstance = database()) {
            otherInstance.setAutoCommit(false);
            var lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)");
            lock.setLong(1, 0x5EC0_0D0E_0001L);
            lock.execute();

            UUID noteId = createdId(createNote("pat-outbox-3", "while locked"));
            assertEquals(0, relay.relayPending(), "the relay sends nothing while another instance relays");
            assertEquals(1, count("select count(*) from outbox_event where message_key = ? and sent_at is null", noteId.toString()));

            otherInstance.rollback(); // releases the lock, as the other instance's round ends
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    count("select count(*) from outbox_event where message_key = ? and sent_at is not null", noteId.toString()) == 1);
        }
    }

    @Test
    void sentEventsAreDeletedAfterRetentionButPendingOnesAreKept() throws Exception {
        UUID noteId = createdId(createNote("pat-outbox-4", "to be cleaned"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from outbox_event where message_key = ? and sent_at is not null", noteId.toString()) == 1);
        try (Connection otherInstance = database()) {
            // Another instance holds the relay lock, so the pending row below stays pending while we clean up.
            otherInstance.setAutoCommit(false);
            var lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)");
            lock.setLong(1, 0x5EC0_0D0E_0001L);
            lock.execute();
            try (Connection connection = database()) {
                // Pending for a month, as if the broker had been down that long: cleanup must keep it.
                connection.createStatement().execute("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at)
                        values (gen_random_uuid(), 'smo.test.never', 'pending-key', 'case.cancelled.v1', '{}', now() - interval '30 days')""");
                relay.deleteSentBefore(Instant.now().plusSeconds(1));
                assertEquals(0, count("select count(*) from outbox_event where message_key = ?", noteId.toString()));
                assertEquals(1, count("select count(*) from outbox_event where message_key = 'pending-key'"));
                connection.createStatement().execute("delete from outbox_event where message_key = 'pending-key'");
            }
            otherInstance.rollback();
        }
    }
}

package org.secondopinion.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventCodec;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.EventType;
import org.secondopinion.platform.persistence.Sql;

/**
 * Publishes events through the transactional outbox: the event is written to the outbox table in the
 * caller's transaction, so it exists exactly when the change it describes is committed. The
 * {@link OutboxRelay} sends it to Kafka afterwards, woken as soon as the transaction commits. There is
 * no other way to publish an event.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** Marks a transaction that already wakes the relay on commit. */
    private static final Object WAKES_RELAY = new Object();

    /**
     * Writes {@code event} to the outbox in the current transaction, which must exist.
     *
     * @return the envelope that will be sent, with its event id
     */
    @Transactional(TxType.MANDATORY)
    public <T extends DomainEvent> EventEnvelope<T> publish(T event) {
        EventEnvelope<T> envelope = EventEnvelope.of("/" + serviceName, event);
        EventType type = envelope.eventType();
        // A plain insert, deferred (it rides with the transaction's next statement, or goes just before the
        // commit): every event of every service goes through here; a persist (an identity insert with its key
        // read back, and the entity kept in the session until commit) cost several times more.
        sql.defer("""
                insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at, attempts)
                values (?, ?, ?, ?, ?, ?, 0)""",
                envelope.id(), type.topic(), envelope.subject(), envelope.type(), EventCodec.encode(envelope),
                Instant.now());
        wakeRelayOnCommit();
        return envelope;
    }

    private void wakeRelayOnCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}

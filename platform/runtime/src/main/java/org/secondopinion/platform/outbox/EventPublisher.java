package org.secondopinion.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

/**
 * Publishes events through the transactional outbox: the event is written to the outbox table in the
 * caller's transaction, so it exists exactly when the change it describes is committed. The
 * {@link OutboxRelay} sends it to Kafka afterwards, woken as soon as the transaction commits. There is
 * no other way to publish an event.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    EntityManager entityManager;

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
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = type.topic();
        row.messageKey = envelope.subject();
        row.eventType = envelope.type();
        row.payload = EventCodec.encode(envelope);
        row.createdAt = Instant.now();
        entityManager.persist(row);
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

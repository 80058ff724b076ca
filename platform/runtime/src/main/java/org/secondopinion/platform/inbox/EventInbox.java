package org.secondopinion.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventCodec;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.platform.persistence.Sql;

/**
 * Makes consumers idempotent. A consumer method is {@code @Incoming} and {@code @Transactional}, and
 * starts with {@link #firstDelivery}: the event id is recorded for that consumer in the same
 * transaction as the effect, so a redelivered event is recognised and changes nothing, and an effect
 * that rolls back leaves the event unrecorded for the redelivery.
 *
 * <pre>{@code
 * @Incoming("coverage") @Transactional
 * void onCoverage(String record) {
 *     inbox.firstDelivery("coverage", record).ifPresent(event -> ...);
 * }
 * }</pre>
 *
 * A record that is not a valid event throws {@link org.secondopinion.events.MalformedEventException}, which
 * sends it to the service's dead-letter topic with the reason; consumption goes on.
 */
@ApplicationScoped
public class EventInbox {

    @Inject
    Sql sql;

    @ConfigProperty(name = "smo.inbox.retention")
    Duration retention;

    /**
     * Decodes a record and records its id for {@code consumer}.
     *
     * @return the event the first time this consumer sees it; empty for a redelivery
     */
    @Transactional(TxType.MANDATORY)
    public Optional<EventEnvelope<DomainEvent>> firstDelivery(String consumer, String record) {
        EventEnvelope<DomainEvent> envelope = EventCodec.decode(record);
        int inserted = sql.update("""
                insert into inbox_event (consumer, event_id, event_type, received_at)
                values (?, ?, ?, ?) on conflict do nothing""", consumer, envelope.id(), envelope.type(), Instant.now());
        return inserted == 1 ? Optional.of(envelope) : Optional.empty();
    }

    /** Forgets event ids older than the retention period: redeliveries come within minutes, not months. */
    @Scheduled(every = "1h", delay = 2, delayUnit = TimeUnit.MINUTES, identity = "inbox-cleanup",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void deleteExpired() {
        sql.update("delete from inbox_event where received_at < ?", Instant.now().minus(retention));
    }
}

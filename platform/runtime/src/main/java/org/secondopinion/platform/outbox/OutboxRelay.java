package org.secondopinion.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.platform.persistence.Sql;

/**
 * Sends outbox rows to Kafka in commit order and marks them sent only after the broker acknowledged
 * them ({@code acks=all}, idempotent producer). While the broker is down, rows simply wait and are
 * retried on the next round; nothing is lost.
 *
 * <p>Only one instance of a service relays at a time: each round takes a PostgreSQL advisory lock for
 * the length of its transaction, and an instance that cannot get it skips the round. That keeps two
 * instances from sending the same row and keeps each case's events in order.
 *
 * <p>A transaction that wrote events wakes the relay when it commits ({@link #wake()}), so events
 * leave within milliseconds (rounds are at least {@link #ROUNDS_APART} apart, so that under load each
 * takes many events); the scheduled round is the safety net for everything else (a broker outage,
 * another instance's rows, a wake-up lost in a crash).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key; advisory locks are per database, and each service has its own. */
    static final long RELAY_LOCK = 0x5EC0_0D0E_0001L;
    /** The shortest time between two rounds that commits ask for; an event waits at most this long more. */
    static final Duration ROUNDS_APART = Duration.ofMillis(20);

    @Inject
    Sql sql;

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Counter sent;
    private final Counter failures;
    private Producer<String, String> producer;

    /** One thread for the rounds that commits ask for; a round already asked for absorbs later asks. */
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpAsked = new AtomicBoolean();
    /** When the last round asked for by a commit started ({@link System#nanoTime()}); the wake-up thread's own. */
    private long lastWakeUpRound = System.nanoTime() - ROUNDS_APART.toNanos();
    private volatile boolean running = true;

    @Inject
    OutboxRelay(MeterRegistry registry) {
        this.sent = registry.counter("smo.outbox.sent");
        this.failures = registry.counter("smo.outbox.send.failures");
    }

    @Scheduled(every = "${smo.outbox.relay-interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-relay",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledRelay() {
        relayPending();
    }

    /** Asks for a relay round now, off the caller's thread: called after a transaction with events committed. */
    public void wake() {
        if (running && wakeUpAsked.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                while (running) {
                    if (!pauseAfterLastRound()) {
                        wakeUpAsked.set(false);
                        return;
                    }
                    if (!wakeUpAsked.getAndSet(false)) {
                        return;
                    }
                    lastWakeUpRound = System.nanoTime();
                    try {
                        relayPending();
                    } catch (RuntimeException e) {
                        // The scheduled round retries; a failed send is already counted and logged.
                        LOG.debugf("Outbox relay wake-up round failed: %s", e.getClass().getSimpleName());
                    }
                }
            });
        }
    }

    /**
     * Under load every commit asks for a round: rounds at least {@link #ROUNDS_APART} apart each take every
     * event committed meanwhile, instead of a round (a transaction and two statements) for every few events.
     *
     * @return false when interrupted (the service is stopping)
     */
    private boolean pauseAfterLastRound() {
        long wait = lastWakeUpRound + ROUNDS_APART.toNanos() - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.shutdown();
    }

    /**
     * Sends everything pending, batch after batch, until nothing is left, the broker fails, or another
     * instance holds the relay lock.
     *
     * @return how many events were sent
     */
    public synchronized int relayPending() {
        int total = 0;
        while (true) {
            BatchResult result = QuarkusTransaction.requiringNew()
                    .timeout((int) config.sendTimeout().plusSeconds(60).toSeconds())
                    .call(this::relayBatch);
            total += result.sent();
            if (!result.full()) {
                return total;
            }
        }
    }

    private record BatchResult(int sent, boolean full) {
    }

    BatchResult relayBatch() {
        // Plain SQL for the relay's reads and writes: it runs after every transaction that published events.
        // One statement takes the relay lock and, only if this instance got it, reads the next batch.
        List<OutboxEvent> rows = sql.list("""
                select e.* from (select pg_try_advisory_xact_lock(?) as leader) l cross join lateral
                  (select position, event_id, topic, message_key, event_type, payload, attempts from outbox_event
                   where l.leader and sent_at is null order by position limit ?) e""",
                row -> new OutboxEvent(row.getLong("position"), Sql.uuid(row, "event_id"), row.getString("topic"),
                        row.getString("message_key"), row.getString("event_type"), row.getString("payload"),
                        row.getInt("attempts")),
                RELAY_LOCK, config.batchSize());
        if (rows.isEmpty()) {
            return new BatchResult(0, false);
        }
        int acknowledged = 0;
        try {
            Producer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(kafka.send(toRecord(row)));
            }
            // The producer's own delivery timeout (sendTimeout) decides first; this wait is only a backstop.
            long deadline = System.nanoTime() + config.sendTimeout().plusSeconds(5).toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recordFailure(rows.get(acknowledged), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Stop at the first unacknowledged event: it and everything after it are retried in order.
            recordFailure(rows.get(acknowledged), e instanceof ExecutionException ? e.getCause() : e);
        }
        markSent(rows.subList(0, acknowledged));
        sent.increment(acknowledged);
        return new BatchResult(acknowledged, acknowledged == config.batchSize());
    }

    /** Deletes sent events once they are older than the retention period. */
    @Scheduled(every = "${smo.outbox.cleanup-interval}", delay = 1, delayUnit = TimeUnit.MINUTES, identity = "outbox-cleanup",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledCleanup() {
        deleteSentBefore(Instant.now().minus(config.retention()));
    }

    /** Deletes events sent before {@code cutoff}; pending ones are never deleted. */
    @Transactional
    public int deleteSentBefore(Instant cutoff) {
        return sql.update("delete from outbox_event where sent_at is not null and sent_at < ?", cutoff);
    }

    private void recordFailure(OutboxEvent row, Throwable cause) {
        failures.increment();
        String error = cause == null ? "unknown" : cause.getClass().getSimpleName();
        sql.update("update outbox_event set attempts = attempts + 1, last_error = ? where position = ?",
                error, row.position());
        LOG.warnf("Outbox relay could not send event %s (%s, attempt %d): %s; it waits for the next round",
                row.eventId(), row.eventType(), row.attempts() + 1, error);
        // Start afresh next round with a new producer. This one is closed without waiting, so records it
        // still buffers are dropped, not sent when the broker returns: the next round sends them once.
        closeProducer(Duration.ZERO);
    }

    /** Marks the acknowledged events sent, with one statement. */
    private void markSent(List<OutboxEvent> acknowledged) {
        if (!acknowledged.isEmpty()) {
            Long[] positions = acknowledged.stream().map(OutboxEvent::position).toArray(Long[]::new);
            sql.update("update outbox_event set sent_at = ? where position = any(?)", Instant.now(), positions);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            long sendTimeoutMs = Math.max(config.sendTimeout().toMillis(), Duration.ofSeconds(6).toMillis());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        closeProducer(Duration.ofSeconds(2));
    }

    private void closeProducer(Duration grace) {
        if (producer != null) {
            try {
                producer.close(grace);
            } catch (RuntimeException e) {
                LOG.debug("Outbox producer did not close cleanly", e);
            }
            producer = null;
        }
    }
}

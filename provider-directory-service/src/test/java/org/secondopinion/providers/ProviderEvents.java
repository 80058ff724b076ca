package org.secondopinion.providers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.secondopinion.events.DomainEvent;
import org.secondopinion.events.EventCodec;
import org.secondopinion.events.EventEnvelope;
import org.secondopinion.events.Topics;
import org.secondopinion.platform.testing.TestKafka;

/**
 * Reads what the directory published on smo.providers, like {@code TestTopics.awaitEvents} but with the
 * partitions assigned directly instead of joining a new consumer group: a new group waits for the
 * broker's initial rebalance delay (3 s) on every call, which made the matching tests slow.
 */
final class ProviderEvents {

    /** How long reading goes on after the count is reached, so that a duplicate would show. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private ProviderEvents() {
    }

    /** Every matching event, read until {@code count} were found and a little longer (so that duplicates show), or the timeout. */
    static List<EventEnvelope<DomainEvent>> await(Predicate<EventEnvelope<DomainEvent>> matching, int count, Duration timeout) {
        return read(matching, count, timeout, SETTLE);
    }

    /** The first matching event, or none by the timeout; no waiting for duplicates. */
    static List<EventEnvelope<DomainEvent>> first(Predicate<EventEnvelope<DomainEvent>> matching, Duration timeout) {
        return read(matching, 1, timeout, Duration.ZERO);
    }

    private static List<EventEnvelope<DomainEvent>> read(Predicate<EventEnvelope<DomainEvent>> matching, int count, Duration timeout,
            Duration settle) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope<DomainEvent>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.PROVIDERS, Duration.ofSeconds(5));
                partitions = infos == null ? List.of()
                        : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    EventEnvelope<DomainEvent> envelope = decode(record.value());
                    if (envelope != null && matching.test(envelope)) {
                        found.add(envelope);
                    }
                }
                if (found.size() >= count && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }

    private static EventEnvelope<DomainEvent> decode(String value) {
        try {
            return EventCodec.decode(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.secondopinion.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class MessagingConfigCheckTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void aChannelWithGroupAndDeadLetterTopicPasses() {
        assertEquals(List.of(), MessagingConfigCheck.problems(config(Map.of(
                "mp.messaging.incoming.coverage.connector", "smallrye-kafka",
                "mp.messaging.incoming.coverage.group.id", "case-service",
                "mp.messaging.connector.smallrye-kafka.failure-strategy", "dead-letter-queue",
                "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", "smo.dlq.case-service"))));
    }

    @Test
    void aChannelWithoutGroupOrDeadLetterTopicIsRefused() {
        assertEquals(List.of("channel 'coverage' needs an explicit group.id",
                "channel 'coverage' needs failure-strategy=dead-letter-queue, not ignore"),
                MessagingConfigCheck.problems(config(Map.of(
                        "mp.messaging.incoming.coverage.connector", "smallrye-kafka",
                        "mp.messaging.incoming.coverage.failure-strategy", "ignore"))));
    }
}

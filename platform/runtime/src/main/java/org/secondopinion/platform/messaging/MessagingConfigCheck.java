package org.secondopinion.platform.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service with an incoming Kafka channel that has no explicit consumer group or no
 * dead-letter topic: without a group, two instances would each process every event; without a
 * dead-letter topic, one poison message would stop the consumer or be lost.
 */
@ApplicationScoped
public class MessagingConfigCheck {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String CONNECTOR_PREFIX = "mp.messaging.connector.smallrye-kafka.";

    void onStart(@Observes StartupEvent event, Config config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka consumer configuration is incomplete: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Config config) {
        TreeSet<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(".connector")) {
                channels.add(name.substring(PREFIX.length(), name.length() - ".connector".length()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String channel : channels) {
            String base = PREFIX + channel + ".";
            if (config.getOptionalValue(base + "group.id", String.class).isEmpty()) {
                problems.add("channel '" + channel + "' needs an explicit group.id");
            }
            String strategy = value(config, base, "failure-strategy").orElse("fail");
            if (!"dead-letter-queue".equals(strategy)) {
                problems.add("channel '" + channel + "' needs failure-strategy=dead-letter-queue, not " + strategy);
            } else if (value(config, base, "dead-letter-queue.topic").isEmpty()) {
                problems.add("channel '" + channel + "' needs a dead-letter-queue.topic");
            }
        }
        return problems;
    }

    private static Optional<String> value(Config config, String channelBase, String attribute) {
        return config.getOptionalValue(channelBase + attribute, String.class)
                .or(() -> config.getOptionalValue(CONNECTOR_PREFIX + attribute, String.class));
    }
}

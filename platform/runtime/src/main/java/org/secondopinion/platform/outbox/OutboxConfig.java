package org.secondopinion.platform.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How the outbox relay runs; defaults in platform-runtime's microprofile-config.properties. */
@ConfigMapping(prefix = "smo.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events. */
    Duration relayInterval();

    /** The most events sent in one round trip to the broker. */
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before trying again later. */
    Duration sendTimeout();

    /** How long sent events are kept before cleanup deletes them. */
    Duration retention();

    /** How often cleanup runs. */
    Duration cleanupInterval();
}

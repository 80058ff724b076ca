package org.secondopinion.providers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The directory's settings, under {@code smo.directory}. */
@ConfigMapping(prefix = "smo.directory")
public interface DirectoryConfig {

    Matching matching();

    Verification verification();

    Seed seed();

    interface Matching {
        /** How many candidates a match proposes at most (a qualifying recommended physician is always added). */
        @WithDefault("10")
        int maxCandidates();
    }

    interface Verification {
        /** The longest time between two verifications of a certification. */
        @WithDefault("36")
        int maxIntervalMonths();

        /** When a certification that could not be verified is checked again. */
        @WithDefault("P30D")
        Duration retryAfter();

        /** How often the scheduled re-verification runs (read by the scheduler expression). */
        @WithDefault("5m")
        String every();

        /** How long after start the first scheduled run waits. */
        @WithDefault("30s")
        String initialDelay();

        /** How many due certifications one scheduled run verifies. */
        @WithDefault("500")
        int batchSize();
    }

    interface Seed {
        /** Whether the synthetic sample directory is generated at start (local stack only). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("3000")
        int physicians();

        @WithDefault("20261121")
        long randomSeed();
    }
}

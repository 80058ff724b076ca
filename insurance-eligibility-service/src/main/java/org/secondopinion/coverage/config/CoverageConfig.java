package org.secondopinion.coverage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The eligibility service's own settings, under {@code smo.coverage}. */
@ConfigMapping(prefix = "smo.coverage")
public interface CoverageConfig {

    Insurer insurer();

    Simulator simulator();

    Seed seed();

    interface Insurer {
        /**
         * How long to wait for an insurer's EligibilityAnswer before the outcome becomes UNKNOWN ("verify with
         * your insurer"); a payer may set its own.
         */
        @WithDefault("PT15M")
        Duration answerTimeout();

        /** How often the timeout job looks for unanswered inquiries (a scheduler interval such as {@code 30s}). */
        @WithDefault("30s")
        String timeoutScanInterval();
    }

    /**
     * The local stack's sample payers, plans, members and self-pay prices (demo data contract). Never on in
     * production or tests; a test that needs it calls the seeder itself.
     */
    interface Seed {
        @WithDefault("false")
        boolean enabled();
    }

    /** The insurer simulator, for the local stack and tests: it answers inquiries from a member file. */
    interface Simulator {
        @WithDefault("false")
        boolean enabled();

        /** A CSV member file on disk; without it the one on the class path ({@code insurer-simulator/members.csv}). */
        Optional<String> memberFile();
    }
}

package org.secondopinion.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** case-service's own settings, under {@code smo.cases}. */
@ConfigMapping(prefix = "smo.cases")
public interface CaseConfig {

    Sla sla();

    Documents documents();

    /** Stage targets in business days (Monday to Friday, UTC); 0 means the stage has no due time. */
    interface Sla {
        /** From submission to the patient's options (coverage and candidates). */
        @WithDefault("1")
        int optionsBusinessDays();

        /** From options to the patient's choice of physician. */
        @WithDefault("10")
        int selectionBusinessDays();

        /** From selection (or a physician's request) to complete records. */
        @WithDefault("10")
        int recordsBusinessDays();

        /** From complete records to the written opinion. */
        @WithDefault("5")
        int opinionBusinessDays();

        /** From the opinion to the patient's decision. */
        @WithDefault("0")
        int decisionBusinessDays();
    }

    interface Documents {
        /** The largest upload accepted, in bytes; larger ones answer 413. */
        @WithDefault("26214400")
        long maxBytes();

        /** The size of the chunks the PostgreSQL store writes. */
        @WithDefault("1048576")
        int chunkBytes();
    }
}

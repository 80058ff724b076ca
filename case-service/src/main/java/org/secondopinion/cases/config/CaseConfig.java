package org.secondopinion.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** case-service's own settings, under {@code smo.cases}. */
@ConfigMapping(prefix = "smo.cases")
public interface CaseConfig {

    Sla sla();

    Documents documents();

    /**
     * Stage targets in business days (Monday to Friday, except holidays, in the calendar of {@link #zone()});
     * 0 means the stage has no due time.
     */
    interface Sla {
        /** The time zone whose calendar counts business days: the care team's, for example America/New_York. */
        @WithDefault("UTC")
        ZoneId zone();

        /** Dates in that calendar that are not business days besides weekends (public holidays), ISO dates. */
        Optional<Set<LocalDate>> holidays();

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

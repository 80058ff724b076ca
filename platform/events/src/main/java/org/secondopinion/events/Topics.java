package org.secondopinion.events;

import java.util.List;

/** Every Kafka topic name, in one place. One topic per producing service's stream, plus the insurer pair. */
public final class Topics {

    /** case-service's events: submitted, physician selected, records, cancellations, decisions. */
    public static final String CASES = "smo.cases";
    /** insurance-eligibility-service's coverage determinations. */
    public static final String COVERAGE = "smo.coverage";
    /** provider-directory-service's matches and credential changes. */
    public static final String PROVIDERS = "smo.providers";
    /** report-service's opinions and letters. */
    public static final String REPORTS = "smo.reports";
    /** Eligibility inquiries to insurers that answer through events (X12 270-like). */
    public static final String INSURER_INQUIRIES = "smo.insurer.inquiries";
    /** Insurers' eligibility answers (X12 271-like). */
    public static final String INSURER_ANSWERS = "smo.insurer.answers";

    public static final List<String> ALL = List.of(CASES, COVERAGE, PROVIDERS, REPORTS, INSURER_INQUIRIES, INSURER_ANSWERS);

    /** The services that consume events; each has its own dead-letter topic. */
    public static final List<String> CONSUMING_SERVICES = List.of(
            "case-service", "provider-directory-service", "insurance-eligibility-service", "report-service");

    private Topics() {
    }

    /** The dead-letter topic of one consuming service: where its poison messages go, with the reason. */
    public static String deadLetter(String service) {
        return "smo.dlq." + service;
    }
}

package org.secondopinion.events.model;

/** Why the directory left a physician out of a case's candidates. */
public enum ExclusionReason {
    PRIMARY_PROVIDER,
    SAME_PRACTICE,
    CERTIFICATION_NOT_VERIFIED,
    CERTIFICATION_EXPIRED,
    LOWER_EXPERTISE,
    EXCLUDED_BY_PATIENT_HISTORY,
    NOT_LICENSED_IN_STATE,
    NOT_ACCEPTING
}

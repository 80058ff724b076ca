package org.secondopinion.events.model;

/** Why the patient seeks a second opinion; a case names one or more. */
public enum SecondOpinionReason {
    SUSPECTED_DIAGNOSTIC_ERROR,
    REPEATED_UNSUCCESSFUL_TREATMENT,
    LACK_OF_CONFIDENCE,
    SURGERY_RECOMMENDED,
    COMPLEX_CONDITION,
    CHRONIC_CONDITION,
    EXPENSIVE_CONDITION,
    PROVIDER_NOT_SPECIALISED,
    REASSURANCE
}

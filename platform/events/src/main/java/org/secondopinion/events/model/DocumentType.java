package org.secondopinion.events.model;

/** The kinds of document a reviewing physician may require before the review. */
public enum DocumentType {
    LAB_RESULTS,
    IMAGING,
    MEDICAL_RECORDS,
    REFERRAL_LETTER,
    OTHER
}

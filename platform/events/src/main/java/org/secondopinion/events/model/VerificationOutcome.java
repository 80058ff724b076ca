package org.secondopinion.events.model;

/** The result of checking a physician's board certification against its primary source. */
public enum VerificationOutcome {
    VERIFIED,
    /** The source knows the physician but not the certification as recorded in the directory. */
    MISMATCH,
    NOT_FOUND,
    EXPIRED
}

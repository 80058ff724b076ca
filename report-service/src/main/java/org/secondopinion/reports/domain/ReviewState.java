package org.secondopinion.reports.domain;

/** Where a review stands for the reviewing physician. */
public enum ReviewState {
    /** The case is known but no physician was chosen yet; not on anyone's worklist. */
    AWAITING_PHYSICIAN,
    /** Chosen; the patient is still uploading the checklist's documents. */
    AWAITING_RECORDS,
    /** The physician asked for more documents and waits for them. */
    AWAITING_DOCUMENTS,
    /** Every document is there: the review can be written. */
    READY_FOR_REVIEW,
    /** The written opinion was issued. */
    OPINION_ISSUED,
    /** The case was cancelled; no report can be drafted or issued. */
    CANCELLED
}

package org.secondopinion.cases.domain;

import java.util.Set;

/**
 * The states of a case and every transition allowed between them. Anything not listed here is refused
 * with 409 by {@link PatientCase#moveTo}.
 */
public enum CaseStatus {
    DRAFT,
    SUBMITTED,
    OPTIONS_READY,
    PHYSICIAN_SELECTED,
    AWAITING_RECORDS,
    UNDER_REVIEW,
    OPINION_ISSUED,
    CLOSED,
    CANCELLED;

    /** The states this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> Set.of(OPTIONS_READY, CANCELLED);
            // A physician who declines sends the case back to the options. An opinion they issued meanwhile
            // (the two crossed) still stands, whatever the case reached since: hence OPINION_ISSUED before review.
            case OPTIONS_READY -> Set.of(PHYSICIAN_SELECTED, OPINION_ISSUED, CANCELLED);
            case PHYSICIAN_SELECTED -> Set.of(AWAITING_RECORDS, UNDER_REVIEW, OPTIONS_READY, OPINION_ISSUED, CANCELLED);
            case AWAITING_RECORDS -> Set.of(UNDER_REVIEW, OPTIONS_READY, OPINION_ISSUED, CANCELLED);
            case UNDER_REVIEW -> Set.of(AWAITING_RECORDS, OPINION_ISSUED, OPTIONS_READY, CANCELLED);
            case OPINION_ISSUED -> Set.of(CLOSED);
            case CLOSED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** From selection on, the selected physician may see the case and its documents. */
    public boolean visibleToSelectedPhysician() {
        return switch (this) {
            case PHYSICIAN_SELECTED, AWAITING_RECORDS, UNDER_REVIEW, OPINION_ISSUED, CLOSED -> true;
            case DRAFT, SUBMITTED, OPTIONS_READY, CANCELLED -> false;
        };
    }

    /** Documents may be uploaded while records are gathered, and deleted only until the review starts. */
    public boolean acceptsDocuments() {
        return this == PHYSICIAN_SELECTED || this == AWAITING_RECORDS;
    }
}

package org.secondopinion.events.model;

/** What the insurer's rules say about covering a second opinion for one case. */
public enum CoverageOutcome {
    COVERED,
    NOT_COVERED,
    MEMBER_NOT_FOUND,
    COVERAGE_INACTIVE,
    /** The plan covers second opinions but the member has used up the benefit. */
    LIMIT_REACHED,
    /** An inquiry went to an insurer that answers through events; a later determination follows. */
    PENDING_INSURER,
    /** No determination was possible (for example the insurer's answer could not be interpreted). */
    UNKNOWN
}

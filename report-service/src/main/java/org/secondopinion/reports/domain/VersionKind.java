package org.secondopinion.reports.domain;

/** How an issued version came to be: the first issue, a correction, or an addition (answers to follow-up questions). */
public enum VersionKind {
    ORIGINAL,
    AMENDMENT,
    ADDENDUM
}

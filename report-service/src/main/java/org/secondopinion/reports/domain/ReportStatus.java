package org.secondopinion.reports.domain;

/** A report is drafted, then issued; after that it changes only by new versions. */
public enum ReportStatus {
    DRAFT,
    ISSUED
}

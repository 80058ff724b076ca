package org.secondopinion.coverage.rest;

import java.util.List;

/**
 * What a roster import did: rows created and updated, and each refused row by its line number (the header is
 * line 1), without the row's content.
 */
public record RosterImportResult(int created, int updated, List<RejectedRow> rejected) {

    public record RejectedRow(int line, String message) {
    }
}

package org.secondopinion.providers.rest.dto;

import java.util.List;

/** The outcome of importing a board feed: good rows are kept, each bad row is reported with its line number. */
public record ImportReport(String source, int imported, List<RejectedRow> rejected, int certificationsMarkedDue) {

    /** A refused row: its 1-based line number in the file (the header is line 1) and why. */
    public record RejectedRow(int line, String reason) {
    }
}

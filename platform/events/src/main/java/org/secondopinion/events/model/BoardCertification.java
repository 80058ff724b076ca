package org.secondopinion.events.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One board certification of a physician, with when and how the directory verified it.
 *
 * @param board the certifying board, for example {@code American Board of Internal Medicine}
 * @param specialtyCode the certified specialty or sub-specialty (directory catalogue code)
 * @param status the status the source reported
 * @param verifiedAt when the directory last checked it
 * @param source where it was checked, for example the board's primary-source service
 * @param validUntil the end of the certification's validity, or null when it does not expire
 */
public record BoardCertification(
        String board,
        String specialtyCode,
        CertificationStatus status,
        Instant verifiedAt,
        String source,
        LocalDate validUntil) {

    public BoardCertification {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(specialtyCode, "specialtyCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(source, "source");
    }
}

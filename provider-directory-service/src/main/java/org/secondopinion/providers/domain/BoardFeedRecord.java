package org.secondopinion.providers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.secondopinion.events.model.CertificationStatus;

/** One certification as a board's data feed reports it: the primary source. */
@Entity
@Table(name = "board_feed_record")
public class BoardFeedRecord {

    @Id
    public UUID id;

    public String npi;

    public String board;

    @Column(name = "specialty_code")
    public String specialtyCode;

    /** Empty (not null) when the record is for the specialty itself, so that the unique key works. */
    @Column(name = "sub_specialty_code")
    public String subSpecialtyCode;

    @Enumerated(EnumType.STRING)
    public CertificationStatus status;

    @Column(name = "certified_since")
    public LocalDate certifiedSince;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    public String source;

    @Column(name = "imported_at")
    public Instant importedAt;
}

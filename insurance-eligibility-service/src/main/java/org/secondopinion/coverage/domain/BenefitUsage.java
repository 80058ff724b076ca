package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One case's covered second opinion, counted against the member's yearly limit until the case is cancelled. */
@Entity
@Table(name = "benefit_usage")
public class BenefitUsage {

    @Id
    @Column(name = "case_id")
    public String caseId;

    @Column(name = "member_ref")
    public UUID memberRef;

    @Column(name = "usage_year")
    public int usageYear;

    @Column(name = "counted_at")
    public Instant countedAt;

    @Column(name = "released_at")
    public Instant releasedAt;
}

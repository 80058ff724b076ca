package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;

/** A payer's member: who is insured under which plan, and when. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public UUID id;

    @Column(name = "payer_id")
    public String payerId;

    /** The member id on the insurance card. */
    @Column(name = "member_id")
    public String memberId;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "coverage_start")
    public LocalDate coverageStart;

    /** The last day covered; null while the coverage runs. */
    @Column(name = "coverage_end")
    public LocalDate coverageEnd;

    @Version
    public long version;

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(coverageStart) && (coverageEnd == null || !date.isAfter(coverageEnd));
    }
}

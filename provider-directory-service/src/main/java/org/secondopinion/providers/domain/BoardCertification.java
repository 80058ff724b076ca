package org.secondopinion.providers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;

/** A board certification a physician claims, with the latest verification against a primary source. */
@Entity
@Table(name = "board_certification")
public class BoardCertification {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "physician_id")
    public Physician physician;

    public String board;

    @Column(name = "specialty_code")
    public String specialtyCode;

    @Column(name = "sub_specialty_code")
    public String subSpecialtyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "claimed_status")
    public CertificationStatus claimedStatus;

    @Column(name = "certified_since")
    public LocalDate certifiedSince;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_outcome")
    public VerificationOutcome verificationOutcome;

    /** The status the source reported at the latest verification. */
    @Enumerated(EnumType.STRING)
    @Column(name = "verified_status")
    public CertificationStatus verifiedStatus;

    /** The end of validity the source reported. */
    @Column(name = "verified_valid_until")
    public LocalDate verifiedValidUntil;

    @Column(name = "verification_source")
    public String verificationSource;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    /** The most specific code: the sub-specialty when there is one. */
    public String areaCode() {
        return subSpecialtyCode != null ? subSpecialtyCode : specialtyCode;
    }

    /** Verified against the primary source, certified there, and still within its validity on {@code today}. */
    public boolean isVerifiedAndCurrent(LocalDate today) {
        return verificationOutcome == VerificationOutcome.VERIFIED
                && verifiedStatus == CertificationStatus.CERTIFIED
                && (verifiedValidUntil == null || !verifiedValidUntil.isBefore(today));
    }

    /** The source or the dates say the certification is no longer current. */
    public boolean isExpired(LocalDate today) {
        return verificationOutcome == VerificationOutcome.EXPIRED
                || verifiedStatus == CertificationStatus.EXPIRED
                || claimedStatus == CertificationStatus.EXPIRED
                || (verifiedValidUntil != null && verifiedValidUntil.isBefore(today))
                || (validUntil != null && validUntil.isBefore(today));
    }

    /** Whether a claim is the same as this one, so its verification still holds. */
    public boolean sameClaim(String board, String specialtyCode, String subSpecialtyCode, CertificationStatus status,
            LocalDate certifiedSince, LocalDate validUntil) {
        return Objects.equals(this.board, board) && Objects.equals(this.specialtyCode, specialtyCode)
                && Objects.equals(this.subSpecialtyCode, subSpecialtyCode) && this.claimedStatus == status
                && Objects.equals(this.certifiedSince, certifiedSince) && Objects.equals(this.validUntil, validUntil);
    }
}

package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.secondopinion.events.model.CoverageOutcome;

/**
 * One eligibility determination: its inputs, its outcome and the rule that decided it. For a payer that
 * answers through events it starts {@code PENDING_INSURER} with a trace number and is completed by the
 * insurer's answer, or by the timeout.
 */
@Entity
@Table(name = "determination")
public class Determination {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "case_id")
    public String caseId;

    /** The patient whose determination it is (the checking patient, or the case's patient). */
    @Column(name = "patient_id")
    public String patientId;

    @Column(name = "requested_by")
    public String requestedBy;

    // --- inputs
    @Column(name = "payer_id")
    public String payerId;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "specialty_code")
    public String specialtyCode;

    @Column(name = "surgery_recommended")
    public boolean surgeryRecommended;

    @Column(name = "date_of_service")
    public LocalDate dateOfService;

    /** The member row that matched, when one did. */
    @Column(name = "member_ref")
    public UUID memberRef;

    // --- outcome
    @Enumerated(EnumType.STRING)
    public CoverageOutcome outcome;

    @Column(name = "final_determination")
    public boolean finalDetermination;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "plan_name")
    public String planName;

    @Convert(converter = StringListConverter.class)
    public List<String> networks = List.of();

    @Column(name = "in_network_only")
    public boolean inNetworkOnly;

    @Column(name = "copay_amount")
    public BigDecimal copayAmount;

    @Column(name = "coinsurance_percent")
    public BigDecimal coinsurancePercent;

    public String currency;

    @Column(name = "prior_authorization")
    public boolean priorAuthorization;

    @Column(name = "self_pay_amount")
    public BigDecimal selfPayAmount;

    @Column(name = "self_pay_currency")
    public String selfPayCurrency;

    @Convert(converter = StringListConverter.class)
    public List<String> reasons = List.of();

    public String rule;

    // --- the insurer round trip
    @Column(name = "trace_number")
    public String traceNumber;

    @Column(name = "inquiry_deadline")
    public Instant inquiryDeadline;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "timed_out_at")
    public Instant timedOutAt;

    @Column(name = "determined_at")
    public Instant determinedAt;

    @Version
    public long version;
}

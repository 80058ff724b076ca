package org.secondopinion.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An eligibility request to an insurer that answers through events, shaped like an X12 270. The
 * insurer answers with an {@link EligibilityAnswer} that echoes the trace number.
 *
 * @param traceNumber identifies this inquiry (X12 TRN02); echoed in the answer
 * @param caseId the case the inquiry is for; the subject
 * @param payerId the insurer asked
 * @param subscriber the member to check
 * @param serviceTypeCode the X12 service type code, {@code 3} (consultation) for a second opinion
 * @param specialtyCode the specialty of the opinion (directory catalogue code)
 * @param dateOfService the day the benefit is asked for
 * @param inquiredAt when the inquiry was made
 */
public record EligibilityInquiry(
        String traceNumber,
        String caseId,
        String payerId,
        Subscriber subscriber,
        String serviceTypeCode,
        String specialtyCode,
        LocalDate dateOfService,
        Instant inquiredAt) implements DomainEvent {

    /** The X12 service type code for a consultation. */
    public static final String SERVICE_TYPE_CONSULTATION = "3";

    public EligibilityInquiry {
        Objects.requireNonNull(traceNumber, "traceNumber");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(serviceTypeCode, "serviceTypeCode");
        Objects.requireNonNull(specialtyCode, "specialtyCode");
        Objects.requireNonNull(dateOfService, "dateOfService");
        Objects.requireNonNull(inquiredAt, "inquiredAt");
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }

    /**
     * The member whose eligibility is asked for (the X12 subscriber loop).
     *
     * @param memberId the member id on the insurance card
     * @param groupNumber the group number, or null
     * @param firstName the member's first name
     * @param lastName the member's last name
     * @param dateOfBirth the member's date of birth
     */
    public record Subscriber(
            String memberId,
            String groupNumber,
            String firstName,
            String lastName,
            LocalDate dateOfBirth) {

        public Subscriber {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(lastName, "lastName");
            Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        }
    }
}

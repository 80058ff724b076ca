package org.secondopinion.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.Money;

/**
 * An insurer's answer to an {@link EligibilityInquiry}, shaped like an X12 271. Insurers produce it,
 * so its flags are objects that must be present rather than primitives that would silently default
 * to false when an insurer leaves one out.
 *
 * @param traceNumber the inquiry's trace number, echoed
 * @param payerId the insurer answering
 * @param caseId the inquiry's case id, echoed, or null when the insurer does not echo it
 * @param memberFound whether the insurer knows the member
 * @param active whether the member's coverage is active on the date of service
 * @param benefitCovered whether the plan covers a second opinion
 * @param benefitLimitReached whether the member has used up the benefit, or null when not reported
 * @param copay the fixed amount the member pays, or null
 * @param coinsurancePercent the member's share in percent, or null
 * @param priorAuthorizationRequired whether prior authorisation is needed, or null when not reported
 * @param networks the networks whose physicians are covered
 * @param planId the member's plan, or null
 * @param planName the plan's name, or null
 * @param message a free-text remark from the insurer, or null
 * @param answeredAt when the insurer answered
 */
public record EligibilityAnswer(
        String traceNumber,
        String payerId,
        String caseId,
        Boolean memberFound,
        Boolean active,
        Boolean benefitCovered,
        Boolean benefitLimitReached,
        Money copay,
        BigDecimal coinsurancePercent,
        Boolean priorAuthorizationRequired,
        List<String> networks,
        String planId,
        String planName,
        String message,
        Instant answeredAt) implements DomainEvent {

    public EligibilityAnswer {
        Objects.requireNonNull(traceNumber, "traceNumber");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(memberFound, "memberFound");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(benefitCovered, "benefitCovered");
        Objects.requireNonNull(answeredAt, "answeredAt");
        networks = networks == null ? List.of() : List.copyOf(networks);
    }

    /** The case id when the insurer echoed it, otherwise the trace number. */
    @Override
    public String subject() {
        return caseId != null ? caseId : traceNumber;
    }
}

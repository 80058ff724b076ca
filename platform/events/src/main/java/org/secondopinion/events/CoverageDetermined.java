package org.secondopinion.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;

/**
 * Eligibility determined whether a case's second opinion is covered and what the patient pays.
 * A case may get several determinations (for example {@code PENDING_INSURER}, then the insurer's
 * answer); they arrive in order on the case's partition and the latest one counts.
 *
 * @param caseId the case; the subject
 * @param determinationId this determination (a UUID)
 * @param outcome what the rules decided
 * @param finalDetermination false when another determination for the case will follow
 * @param payerId the insurer, or null when the patient has no insurance
 * @param planId the member's plan, or null when not known
 * @param planName the plan's name to show, or null
 * @param networks the networks whose physicians the benefit covers (network codes)
 * @param inNetworkOnly whether only physicians in those networks are covered
 * @param copay the fixed amount the patient pays, or null
 * @param coinsurancePercent the patient's share in percent (0 to 100), or null
 * @param priorAuthorizationRequired whether the insurer must authorise the opinion first
 * @param selfPayEstimate what the patient would pay out of pocket without coverage, or null
 * @param reasons why, in words a patient can read
 * @param rule which rule decided (for support and audit), or null
 * @param determinedAt when it was decided
 */
public record CoverageDetermined(
        String caseId,
        String determinationId,
        CoverageOutcome outcome,
        boolean finalDetermination,
        String payerId,
        String planId,
        String planName,
        List<String> networks,
        boolean inNetworkOnly,
        Money copay,
        BigDecimal coinsurancePercent,
        boolean priorAuthorizationRequired,
        Money selfPayEstimate,
        List<String> reasons,
        String rule,
        Instant determinedAt) implements DomainEvent {

    public CoverageDetermined {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(determinationId, "determinationId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(determinedAt, "determinedAt");
        networks = networks == null ? List.of() : List.copyOf(networks);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (outcome == CoverageOutcome.PENDING_INSURER && finalDetermination) {
            throw new IllegalArgumentException("A pending determination cannot be final");
        }
        if (coinsurancePercent != null
                && (coinsurancePercent.signum() < 0 || coinsurancePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("Coinsurance must be between 0 and 100 percent");
        }
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }
}

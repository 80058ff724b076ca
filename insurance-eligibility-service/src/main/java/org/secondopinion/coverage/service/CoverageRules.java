package org.secondopinion.coverage.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.events.model.CoverageOutcome;

/**
 * The benefit rules for payers whose plans are kept here, in the order they apply: member identity,
 * coverage dates, the plan's benefit, the yearly limit. Each outcome names the rule that decided it.
 */
public final class CoverageRules {

    public static final String RULE_SELF_PAY = "self-pay";
    public static final String RULE_PAYER_UNKNOWN = "payer-unknown";
    public static final String RULE_MEMBER_MISMATCH = "member-mismatch";
    public static final String RULE_COVERAGE_INACTIVE = "coverage-inactive";
    public static final String RULE_BENEFIT_NONE = "benefit-not-covered";
    public static final String RULE_SURGERY_ONLY = "benefit-surgery-only";
    public static final String RULE_SPECIALTY_NOT_LISTED = "benefit-specialty-not-listed";
    public static final String RULE_YEARLY_LIMIT = "yearly-limit";
    public static final String RULE_COVERED_ALWAYS = "benefit-always";
    public static final String RULE_COVERED_SURGERY = "benefit-surgery-recommended";
    public static final String RULE_COVERED_SPECIALTY = "benefit-listed-specialty";
    public static final String RULE_INSURER_INQUIRY = "insurer-inquiry";
    public static final String RULE_INSURER_TIMEOUT = "insurer-timeout";

    public static final String MEMBER_NOT_FOUND_REASON =
            "No member with this member id and date of birth was found at this insurer. Check both against your insurance card.";

    private CoverageRules() {
    }

    /** What the rules decided, with the plan when the member was found. */
    public record Decision(CoverageOutcome outcome, String rule, List<String> reasons, Plan plan) {
    }

    /**
     * @param member the member whose id and date of birth matched, or null
     * @param plan the member's plan (when the member is known)
     * @param usedThisYear covered second opinions the member already used in the year of the date of service
     */
    public static Decision decide(Member member, Plan plan, String specialtyCode, boolean surgeryRecommended,
            LocalDate dateOfService, long usedThisYear) {
        if (member == null) {
            return new Decision(CoverageOutcome.MEMBER_NOT_FOUND, RULE_MEMBER_MISMATCH, List.of(MEMBER_NOT_FOUND_REASON), null);
        }
        if (!member.activeOn(dateOfService)) {
            return new Decision(CoverageOutcome.COVERAGE_INACTIVE, RULE_COVERAGE_INACTIVE,
                    List.of("Your coverage is not active on " + dateOfService + "."), plan);
        }
        String coveredRule = switch (plan.benefit) {
            case NOT_COVERED -> null;
            case ALWAYS -> RULE_COVERED_ALWAYS;
            case SURGERY_RECOMMENDED -> surgeryRecommended ? RULE_COVERED_SURGERY : null;
            case LISTED_SPECIALTIES -> plan.coveredSpecialties.contains(specialtyCode) ? RULE_COVERED_SPECIALTY : null;
        };
        if (coveredRule == null) {
            return switch (plan.benefit) {
                case SURGERY_RECOMMENDED -> new Decision(CoverageOutcome.NOT_COVERED, RULE_SURGERY_ONLY,
                        List.of("Your plan covers a second opinion only when your doctor recommended surgery."), plan);
                case LISTED_SPECIALTIES -> new Decision(CoverageOutcome.NOT_COVERED, RULE_SPECIALTY_NOT_LISTED,
                        List.of("Your plan covers second opinions only in these specialties: "
                                + String.join(", ", plan.coveredSpecialties) + "."), plan);
                default -> new Decision(CoverageOutcome.NOT_COVERED, RULE_BENEFIT_NONE,
                        List.of("Your plan does not cover second opinions."), plan);
            };
        }
        if (plan.yearlyLimit != null && usedThisYear >= plan.yearlyLimit) {
            return new Decision(CoverageOutcome.LIMIT_REACHED, RULE_YEARLY_LIMIT,
                    List.of("You have used the " + plan.yearlyLimit + " second opinion(s) your plan covers in "
                            + dateOfService.getYear() + "."), plan);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(switch (plan.benefit) {
            case SURGERY_RECOMMENDED -> "Your plan covers a second opinion because surgery was recommended.";
            case LISTED_SPECIALTIES -> "Your plan covers a second opinion in this specialty.";
            default -> "Your plan covers a second opinion.";
        });
        reasons.addAll(costs(plan.copayAmount, plan.coinsurancePercent, plan.currency));
        if (plan.priorAuthorization) {
            reasons.add("Your insurer must authorise the second opinion before it takes place.");
        }
        if (plan.inNetworkOnly) {
            reasons.add("Only physicians in your plan's networks are covered: " + String.join(", ", plan.networks) + ".");
        }
        return new Decision(CoverageOutcome.COVERED, coveredRule, reasons, plan);
    }

    static List<String> costs(BigDecimal copay, BigDecimal coinsurancePercent, String currency) {
        List<String> reasons = new ArrayList<>();
        if (copay != null) {
            reasons.add("You pay a copay of " + currency + " " + copay.toPlainString() + ".");
        }
        if (coinsurancePercent != null) {
            reasons.add("You pay " + coinsurancePercent.stripTrailingZeros().toPlainString() + "% coinsurance.");
        }
        return reasons;
    }
}

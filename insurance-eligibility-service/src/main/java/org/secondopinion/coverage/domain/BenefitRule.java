package org.secondopinion.coverage.domain;

/** When a plan covers a second opinion. */
public enum BenefitRule {
    /** Always covered. */
    ALWAYS,
    /** Covered only when the primary provider recommended surgery. */
    SURGERY_RECOMMENDED,
    /** Covered only for the plan's listed specialties. */
    LISTED_SPECIALTIES,
    /** Never covered. */
    NOT_COVERED
}

package org.secondopinion.coverage.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.secondopinion.coverage.domain.Determination;
import org.secondopinion.coverage.domain.Origin;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;

/** A determination with its inputs, its outcome and the rule that decided it. */
public record DeterminationView(UUID id, Origin origin, String caseId, CoverageOutcome outcome, boolean finalDetermination,
        Inputs inputs, String planId, String planName, List<String> networks, boolean inNetworkOnly, Money copay,
        BigDecimal coinsurancePercent, boolean priorAuthorizationRequired, Money selfPayEstimate, List<String> reasons,
        String rule, String traceNumber, Instant answeredAt, Instant timedOutAt, Instant determinedAt) {

    public record Inputs(String payerId, String memberId, LocalDate dateOfBirth, String specialtyCode, boolean surgeryRecommended,
            LocalDate dateOfService) {
    }

    public static DeterminationView of(Determination d) {
        return new DeterminationView(d.id, d.origin, d.caseId, d.outcome, d.finalDetermination,
                new Inputs(d.payerId, d.memberId, d.dateOfBirth, d.specialtyCode, d.surgeryRecommended, d.dateOfService),
                d.planId, d.planName, d.networks, d.inNetworkOnly,
                d.copayAmount == null ? null : new Money(d.copayAmount, d.currency), d.coinsurancePercent, d.priorAuthorization,
                d.selfPayAmount == null ? null : new Money(d.selfPayAmount, d.selfPayCurrency), d.reasons, d.rule,
                d.traceNumber, d.answeredAt, d.timedOutAt, d.determinedAt);
    }
}

package org.secondopinion.coverage.rest;

import java.math.BigDecimal;
import java.util.List;
import org.secondopinion.coverage.domain.BenefitRule;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.events.model.Money;

public record PlanView(String id, String payerId, String name, BenefitRule benefit, List<String> coveredSpecialties, Money copay,
        BigDecimal coinsurancePercent, boolean priorAuthorizationRequired, List<String> networks, boolean inNetworkOnly,
        Integer yearlyLimit, long version) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.payerId, plan.name, plan.benefit, plan.coveredSpecialties,
                plan.copayAmount == null ? null : new Money(plan.copayAmount, plan.currency), plan.coinsurancePercent,
                plan.priorAuthorization, plan.networks, plan.inNetworkOnly, plan.yearlyLimit, plan.version);
    }
}

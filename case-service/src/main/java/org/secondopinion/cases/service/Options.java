package org.secondopinion.cases.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.service.CaseApi.CandidateView;
import org.secondopinion.cases.service.CaseApi.CostEstimate;
import org.secondopinion.cases.service.CaseApi.CoverageView;
import org.secondopinion.cases.service.CaseApi.OptionsView;
import org.secondopinion.cases.service.CaseApi.RecommendedView;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.Money;

/** The patient's options, from the latest coverage determination and the directory's match. */
final class Options {

    private Options() {
    }

    /** The candidates still open to this case: the match less the physicians excluded since (such as one who declined). */
    static List<ProvidersMatched.Candidate> candidates(PatientCase c) {
        ProvidersMatched matches = c.matches();
        if (matches == null) {
            return List.of();
        }
        List<String> excluded = c.excludedNpis();
        return matches.candidates().stream().filter(candidate -> !excluded.contains(candidate.npi())).toList();
    }

    static OptionsView of(PatientCase c) {
        CoverageDetermined coverage = c.coverage();
        ProvidersMatched matches = c.matches();
        List<ProvidersMatched.Candidate> open = candidates(c);
        List<CandidateView> candidates = open.stream().map(candidate -> {
            boolean inNetwork = inNetwork(candidate, coverage);
            return new CandidateView(candidate.rank(), candidate.npi(), candidate.name(), candidate.specialtyCode(),
                    candidate.subSpecialtyCode(), inNetwork, cost(coverage, inNetwork), candidate.why(),
                    candidate.boardCertifications(), candidate.distanceKm(), candidate.yearsInPractice(),
                    candidate.affiliations(), candidate.telehealth(), candidate.languages(), candidate.practice(),
                    candidate.requiredDocuments());
        }).toList();
        List<RecommendedView> recommended = c.details().recommendedPhysicianNpis().stream().map(npi -> {
            var match = open.stream().filter(candidate -> candidate.npi().equals(npi)).findFirst();
            if (match.isPresent()) {
                return new RecommendedView(npi, true, match.get().rank(), String.join("; ", match.get().why()));
            }
            String why = matches == null ? "The match is not ready yet."
                    : c.excludedNpis().contains(npi) ? "Excluded for this case (an earlier reviewer, or declined the case)."
                    : "Not among the qualified candidates: the directory found no current verified board certification at the"
                            + " needed level of expertise without a conflict of interest, or the physician does not accept cases"
                            + " in your state.";
            return new RecommendedView(npi, false, null, why);
        }).toList();
        return new OptionsView(c.id, c.status, coverage == null ? null : coverageView(coverage), candidates, recommended,
                matches == null ? List.of() : matches.excludedCounts());
    }

    private static CoverageView coverageView(CoverageDetermined d) {
        return new CoverageView(d.outcome(), d.outcome() == CoverageOutcome.PENDING_INSURER, d.planName(), d.networks(),
                d.inNetworkOnly(), d.copay(), d.coinsurancePercent(), d.priorAuthorizationRequired(), d.selfPayEstimate(),
                d.reasons(), d.determinedAt());
    }

    static boolean inNetwork(ProvidersMatched.Candidate candidate, CoverageDetermined coverage) {
        if (coverage != null && !coverage.networks().isEmpty()) {
            return candidate.networks().stream().anyMatch(coverage.networks()::contains);
        }
        return Boolean.TRUE.equals(candidate.inNetwork());
    }

    /** What the patient would pay this physician: the copay or coinsurance when covered, otherwise the self-pay price. */
    static CostEstimate cost(CoverageDetermined coverage, boolean inNetwork) {
        if (coverage == null || coverage.outcome() == CoverageOutcome.PENDING_INSURER) {
            return new CostEstimate("UNKNOWN", null, null);
        }
        Money selfPay = coverage.selfPayEstimate();
        boolean covered = coverage.outcome() == CoverageOutcome.COVERED && (inNetwork || !coverage.inNetworkOnly());
        if (covered && coverage.copay() != null) {
            return new CostEstimate("COPAY", coverage.copay(), null);
        }
        if (covered && coverage.coinsurancePercent() != null) {
            Money share = selfPay == null ? null : new Money(selfPay.amount().multiply(coverage.coinsurancePercent())
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP), selfPay.currency());
            return new CostEstimate("COINSURANCE", share, coverage.coinsurancePercent());
        }
        if (covered) {
            return new CostEstimate("COPAY", new Money(BigDecimal.ZERO.setScale(2), selfPay == null ? "USD" : selfPay.currency()), null);
        }
        return selfPay == null ? new CostEstimate("UNKNOWN", null, null) : new CostEstimate("SELF_PAY", selfPay, null);
    }
}

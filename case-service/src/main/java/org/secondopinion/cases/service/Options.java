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
        List<RecommendedView> recommended = c.details().recommendedPhysicianNpis().stream()
                .map(npi -> recommended(npi, matches, open, c.excludedNpis())).toList();
        return new OptionsView(c.id, c.status, coverage == null ? null : coverageView(coverage), candidates, recommended,
                matches == null ? List.of() : matches.excludedCounts());
    }

    static final String MATCH_NOT_READY = "The match is not ready yet.";
    static final String EXCLUDED_SINCE = "Excluded for this case (an earlier reviewer, or declined the case).";
    static final String NOT_AMONG_CANDIDATES = "Not among the qualified candidates: the directory found no current verified"
            + " board certification at the needed level of expertise without a conflict of interest, or the physician does"
            + " not accept cases in your state.";

    /**
     * One recommended physician as the patient sees them: the directory's outcome (rank and why, or every
     * reason not) as the match reported it, unless the case has excluded the physician since (one who
     * declined, an earlier reviewer). A match from an older directory carries no outcomes: then a
     * candidate's why, or a general sentence.
     */
    private static RecommendedView recommended(String npi, ProvidersMatched matches, List<ProvidersMatched.Candidate> open,
            List<String> excluded) {
        if (matches == null) {
            return new RecommendedView(npi, null, false, null, List.of(MATCH_NOT_READY));
        }
        var outcome = matches.recommended().stream().filter(o -> o.npi().equals(npi)).findFirst();
        var candidate = open.stream().filter(cand -> cand.npi().equals(npi)).findFirst();
        String name = outcome.map(ProvidersMatched.RecommendedOutcome::name)
                .or(() -> candidate.map(ProvidersMatched.Candidate::name)).orElse(null);
        if (candidate.isPresent()) {
            List<String> why = outcome.filter(ProvidersMatched.RecommendedOutcome::qualifies)
                    .map(ProvidersMatched.RecommendedOutcome::reasons).orElse(candidate.get().why());
            return new RecommendedView(npi, name, true, candidate.get().rank(), why);
        }
        if (outcome.isPresent() && !outcome.get().qualifies()) {
            return new RecommendedView(npi, name, false, null, outcome.get().reasons());
        }
        if (excluded.contains(npi)) {
            return new RecommendedView(npi, name, false, null, List.of(EXCLUDED_SINCE));
        }
        return new RecommendedView(npi, name, false, null, List.of(NOT_AMONG_CANDIDATES));
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

package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.secondopinion.events.CaseSubmitted;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.events.ProvidersMatched.Candidate;
import org.secondopinion.events.ProvidersMatched.ExclusionCount;
import org.secondopinion.events.ProvidersMatched.PracticeLocation;
import org.secondopinion.events.ProvidersMatched.RecommendedOutcome;
import org.secondopinion.events.model.BoardCertification;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.ExclusionReason;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.providers.config.DirectoryConfig;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.domain.Specialty;
import org.secondopinion.providers.repository.MatchingPoolRepository;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.rest.dto.SuitabilityRequest;
import org.secondopinion.providers.rest.dto.SuitabilityView;
import org.secondopinion.providers.service.PhysicianMatcher.CaseFacts;
import org.secondopinion.providers.service.PhysicianMatcher.Evaluation;
import org.secondopinion.providers.service.PhysicianMatcher.PrimaryFacts;

/** Chooses candidates for a submitted case and publishes ProvidersMatched; answers suitability questions. */
@ApplicationScoped
public class MatchingService {

    public static final String NOT_IN_DIRECTORY = "NOT_IN_DIRECTORY";

    /** Why a physician the directory does not know never qualifies, for the suitability answer and the match alike. */
    public static final String NOT_IN_DIRECTORY_MESSAGE = "not in the directory: credentials cannot be verified";

    @Inject
    PhysicianRepository physicians;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    MatchingPoolRepository matchingPool;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    DirectoryConfig config;

    /** Matches a case and publishes the result, in the caller's transaction. */
    @Transactional
    public ProvidersMatched match(CaseSubmitted submitted) {
        ProvidersMatched matched = compute(submitted);
        publisher.publish(matched);
        audit.record("MATCH", "case", submitted.caseId(), submitted.patientId());
        return matched;
    }

    /**
     * The match for a case, without publishing it (also what the benchmark measures). Everyone in the
     * area is judged on light rows (the rules need no more); the clinics are read for those who qualify
     * (distance ranks them), and only the chosen candidates are loaded as entities, for what they show.
     */
    @Transactional
    public ProvidersMatched compute(CaseSubmitted submitted) {
        CaseFacts facts = facts(submitted);
        PhysicianMatcher matcher = matcher(facts);
        Map<UUID, Physician> pool = matchingPool.pool(facts.specialtyCode(), facts.stateCode(), facts.recommendedNpis());

        Map<ExclusionReason, Integer> excluded = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason reason : ExclusionReason.values()) {
            excluded.put(reason, 0);
        }
        List<Physician> passing = new ArrayList<>();
        // The verdicts on the physicians the patient was recommended, by NPI (the pool always holds them).
        Map<String, Evaluation> recommendedVerdicts = new HashMap<>();
        for (Physician p : pool.values()) {
            Evaluation e = matcher.evaluate(p, false);
            if (e.recommended()) {
                recommendedVerdicts.put(p.npi, e);
            }
            if (e.qualifies()) {
                passing.add(p);
            } else {
                excluded.merge(e.firstReason(), 1, Integer::sum);
            }
        }
        matchingPool.addClinics(passing);
        List<Evaluation> qualifying = new ArrayList<>(passing.stream().map(p -> matcher.evaluate(p, true)).toList());
        qualifying.sort(PhysicianMatcher.RANKING);
        int limit = config.matching().maxCandidates();
        List<Evaluation> chosen = new ArrayList<>(qualifying.subList(0, Math.min(limit, qualifying.size())));
        // A physician the patient was recommended is always shown when they qualify.
        qualifying.stream().skip(limit).filter(Evaluation::recommended).forEach(chosen::add);

        List<UUID> ids = chosen.stream().map(e -> e.physician().id).toList();
        Map<UUID, Physician> entities = ids.isEmpty() ? Map.of()
                : physicians.list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
        List<Candidate> candidates = new ArrayList<>();
        for (Evaluation light : chosen) {
            // The same rules on the whole entity: the reasons and ranking keys are the same, the details complete.
            Evaluation e = matcher.evaluate(entities.get(light.physician().id), true);
            if (e.qualifies()) {
                candidates.add(candidate(candidates.size() + 1, e, facts));
            }
            if (e.recommended()) {
                recommendedVerdicts.put(e.physician().npi, e);
            }
        }
        List<ExclusionCount> counts = excluded.entrySet().stream()
                .map(entry -> new ExclusionCount(entry.getKey(), entry.getValue())).toList();
        return new ProvidersMatched(submitted.caseId(), candidates, counts, Instant.now().truncatedTo(ChronoUnit.MICROS),
                recommended(submitted.recommendedPhysicianNpis(), recommendedVerdicts, candidates));
    }

    /**
     * The outcome for each physician the case names, in the case's order: a qualifying one with their
     * rank among the candidates and why, anyone else with every reason from the same evaluation the
     * suitability question uses.
     */
    private static List<RecommendedOutcome> recommended(List<String> npis, Map<String, Evaluation> verdicts,
            List<Candidate> candidates) {
        Map<String, Candidate> byNpi = candidates.stream().collect(Collectors.toMap(Candidate::npi, c -> c));
        List<RecommendedOutcome> outcomes = new ArrayList<>();
        for (String npi : new LinkedHashSet<>(npis)) {
            Candidate candidate = byNpi.get(npi);
            Evaluation verdict = verdicts.get(npi);
            if (candidate != null) {
                outcomes.add(new RecommendedOutcome(npi, candidate.name(), true, true, candidate.rank(), candidate.why()));
            } else if (verdict != null && !verdict.qualifies()) {
                outcomes.add(new RecommendedOutcome(npi, verdict.physician().displayName(), true, false, null,
                        List.copyOf(verdict.reasons().values())));
            } else if (Npi.isValid(npi)) {
                outcomes.add(new RecommendedOutcome(npi, null, false, false, null, List.of(NOT_IN_DIRECTORY_MESSAGE)));
            } else {
                // Case-service checks only that it is 10 digits: a mistyped number is worth saying.
                outcomes.add(new RecommendedOutcome(npi, null, false, false, null,
                        List.of("not a valid NPI: its check digit does not match, so it may be mistyped", NOT_IN_DIRECTORY_MESSAGE)));
            }
        }
        return outcomes;
    }

    /** Whether one physician would qualify for a case that is not submitted yet, with every reason. */
    @Transactional
    public SuitabilityView suitability(String npi, SuitabilityRequest request) {
        if (!Npi.isValid(npi)) {
            throw ApiException.badRequest("The NPI must be 10 digits with a valid check digit.");
        }
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ApiException.badRequest("Give both latitude and longitude, or neither.");
        }
        String patient = caller.hasRole(Roles.PATIENT) ? caller.subject() : null;
        audit.record("SUITABILITY", PhysicianService.RESOURCE, npi, patient);
        Optional<Physician> physician = physicians.findByNpi(npi);
        if (physician.isEmpty()) {
            return new SuitabilityView(npi, null, false, false,
                    List.of(new SuitabilityView.Reason(NOT_IN_DIRECTORY, NOT_IN_DIRECTORY_MESSAGE)),
                    List.of(), null);
        }
        var primary = request.primaryProvider();
        CaseFacts facts = new CaseFacts(request.area().specialtyCode(), blankToNull(request.area().subSpecialtyCode()),
                new PrimaryFacts(primary.npi(), primary.specialtyCode(), blankToNull(primary.subSpecialtyCode()),
                        primary.practiceName(), primary.practiceNpi()),
                request.stateCode(), request.latitude(), request.longitude(), null,
                PhysicianMatcher.setOf(request.excludedPhysicianNpis()), java.util.Set.of(npi));
        Evaluation e = matcher(facts).evaluate(physician.get());
        List<SuitabilityView.Reason> reasons = e.reasons().entrySet().stream()
                .map(entry -> new SuitabilityView.Reason(entry.getKey().name(), entry.getValue())).toList();
        return new SuitabilityView(npi, physician.get().displayName(), true, e.qualifies(), reasons, e.why(), e.distanceKm());
    }

    private PhysicianMatcher matcher(CaseFacts facts) {
        Map<String, Specialty> taxonomy = specialties.listAll().stream().collect(Collectors.toMap(s -> s.code, s -> s));
        return new PhysicianMatcher(facts, taxonomy, physicians.findByNpi(facts.primary().npi()));
    }

    private static CaseFacts facts(CaseSubmitted c) {
        var primary = c.primaryProvider();
        return new CaseFacts(c.area().specialtyCode(), blankToNull(c.area().subSpecialtyCode()),
                new PrimaryFacts(primary.npi(), primary.specialtyCode(), blankToNull(primary.subSpecialtyCode()),
                        primary.practiceName(), primary.practiceNpi()),
                c.location().stateCode(), c.location().latitude(), c.location().longitude(), c.preferredLanguage(),
                PhysicianMatcher.setOf(c.excludedPhysicianNpis()), PhysicianMatcher.setOf(c.recommendedPhysicianNpis()));
    }

    private static Candidate candidate(int rank, Evaluation e, CaseFacts facts) {
        Physician p = e.physician();
        List<BoardCertification> certifications = e.qualifyingCertifications().stream()
                .map(c -> new BoardCertification(c.board, c.areaCode(), c.verifiedStatus, c.verifiedAt, c.verificationSource,
                        c.verifiedValidUntil))
                .toList();
        String sub = e.qualifyingCertifications().stream().map(c -> c.subSpecialtyCode).filter(s -> s != null)
                .filter(s -> s.equals(facts.subSpecialtyCode())).findFirst()
                .orElse(e.qualifyingCertifications().stream().map(c -> c.subSpecialtyCode).filter(s -> s != null)
                        .findFirst().orElse(null));
        PracticeLocation practice = e.nearestClinic() == null ? null
                : new PracticeLocation(p.practiceName != null ? p.practiceName : e.nearestClinic().name,
                        e.nearestClinic().city, e.nearestClinic().stateCode);
        List<DocumentType> documents = new ArrayList<>(p.requiredDocuments.stream().map(DocumentType::valueOf).toList());
        if (p.referralLetterRequired && !documents.contains(DocumentType.REFERRAL_LETTER)) {
            documents.add(DocumentType.REFERRAL_LETTER);
        }
        return new Candidate(rank, p.npi, p.displayName(), facts.specialtyCode(), sub, certifications,
                List.copyOf(p.networks), null, e.distanceKm(), p.yearsInPractice, p.affiliations(), p.telehealth,
                List.copyOf(p.languages), practice, e.why(), documents, p.referralLetterRequired);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

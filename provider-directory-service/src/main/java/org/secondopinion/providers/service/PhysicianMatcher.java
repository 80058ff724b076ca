package org.secondopinion.providers.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.secondopinion.events.model.ExclusionReason;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.ExpertiseLevel;
import org.secondopinion.providers.domain.GeoDistance;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.domain.Specialty;

/**
 * The matching rules, without I/O: who qualifies for a case, every reason someone does not, and the
 * ranking. Used by case matching (CaseSubmitted) and by the suitability endpoint, so both always agree.
 */
public final class PhysicianMatcher {

    /** Distances within the same band count as equally near, so experience and language can decide. */
    static final double DISTANCE_BAND_KM = 25;

    /** What matching needs to know about a case. */
    public record CaseFacts(String specialtyCode, String subSpecialtyCode, PrimaryFacts primary, String stateCode,
            Double latitude, Double longitude, String preferredLanguage, Set<String> excludedNpis, Set<String> recommendedNpis) {
    }

    /** The primary provider as the case describes them. */
    public record PrimaryFacts(String npi, String specialtyCode, String subSpecialtyCode, String practiceName, String practiceNpi) {
    }

    /** The verdict on one physician: qualifies when {@code reasons} is empty. */
    public record Evaluation(Physician physician, Map<ExclusionReason, String> reasons, int subSpecialtyFit,
            Double distanceKm, Clinic nearestClinic, List<BoardCertification> qualifyingCertifications,
            boolean speaksPreferredLanguage, boolean recommended, List<String> why) {

        public boolean qualifies() {
            return reasons.isEmpty();
        }

        /** The reason a physician is counted under: the first in the order of ExclusionReason. */
        public ExclusionReason firstReason() {
            return reasons.keySet().iterator().next();
        }
    }

    private final CaseFacts facts;
    private final Map<String, Specialty> taxonomy;
    private final LocalDate today;
    private final ExpertiseLevel primaryLevel;
    private final String requiredSub;
    private final Set<String> conflictPracticeNpis;
    private final Set<String> conflictPracticeNames;

    /**
     * @param primaryInDirectory the primary provider's directory entry when their NPI is known; their
     *     level of expertise and practice then come from the directory rather than the case
     */
    public PhysicianMatcher(CaseFacts facts, Map<String, Specialty> taxonomy, Optional<Physician> primaryInDirectory) {
        this.facts = facts;
        this.taxonomy = taxonomy;
        this.today = LocalDate.now(ZoneOffset.UTC);
        String area = facts.specialtyCode();
        PrimaryFacts primary = facts.primary();

        ExpertiseLevel level;
        String primarySub = null;
        if (primaryInDirectory.isPresent()) {
            Physician p = primaryInDirectory.get();
            List<String> subsInArea = Stream.concat(p.subSpecialties.stream(),
                            p.certifications.stream().map(c -> c.subSpecialtyCode).filter(Objects::nonNull))
                    .filter(code -> taxonomy.containsKey(code) && area.equals(taxonomy.get(code).parentCode))
                    .distinct().toList();
            if (!subsInArea.isEmpty()) {
                level = ExpertiseLevel.SUB_SPECIALIST;
                primarySub = subsInArea.contains(facts.subSpecialtyCode()) ? facts.subSpecialtyCode() : subsInArea.get(0);
            } else if (p.specialties.contains(area) || p.certifications.stream().anyMatch(c -> area.equals(c.specialtyCode))) {
                level = ExpertiseLevel.SPECIALIST;
            } else {
                level = ExpertiseLevel.NONE;
            }
        } else {
            String spec = primary.specialtyCode();
            String sub = primary.subSpecialtyCode();
            if (area.equals(spec)) {
                boolean subInArea = sub != null && taxonomy.containsKey(sub) && area.equals(taxonomy.get(sub).parentCode);
                level = subInArea ? ExpertiseLevel.SUB_SPECIALIST : ExpertiseLevel.SPECIALIST;
                primarySub = subInArea ? sub : null;
            } else if (taxonomy.containsKey(spec) && area.equals(taxonomy.get(spec).parentCode)) {
                level = ExpertiseLevel.SUB_SPECIALIST;
                primarySub = spec;
            } else {
                level = ExpertiseLevel.NONE;
            }
        }
        this.primaryLevel = level;
        this.requiredSub = facts.subSpecialtyCode() != null ? facts.subSpecialtyCode()
                : level == ExpertiseLevel.SUB_SPECIALIST ? primarySub : null;

        Set<String> npis = new java.util.HashSet<>();
        Set<String> names = new java.util.HashSet<>();
        addIfPresent(npis, primary.practiceNpi());
        addIfPresent(names, normalise(primary.practiceName()));
        primaryInDirectory.ifPresent(p -> {
            addIfPresent(npis, p.practiceNpi);
            addIfPresent(names, normalise(p.practiceName));
        });
        this.conflictPracticeNpis = npis;
        this.conflictPracticeNames = names;
    }

    public ExpertiseLevel primaryLevel() {
        return primaryLevel;
    }

    /** The verdict with the distance to the physician's nearest clinic (the suitability question). */
    public Evaluation evaluate(Physician p) {
        return evaluate(p, true);
    }

    /**
     * The verdict; without {@code locate} the clinics are not read and no distance is computed (the
     * rules do not depend on it), which spares loading the clinics of everyone who does not qualify.
     */
    public Evaluation evaluate(Physician p, boolean locate) {
        Map<ExclusionReason, String> reasons = new EnumMap<>(ExclusionReason.class);
        String area = facts.specialtyCode();
        if (p.npi.equals(facts.primary().npi())) {
            reasons.put(ExclusionReason.PRIMARY_PROVIDER, "is your physician, whose opinion is being reviewed");
        }
        if ((p.practiceNpi != null && conflictPracticeNpis.contains(p.practiceNpi))
                || (p.practiceName != null && conflictPracticeNames.contains(normalise(p.practiceName)))) {
            reasons.put(ExclusionReason.SAME_PRACTICE, "same practice as your physician");
        }
        List<BoardCertification> inArea = p.certifications.stream().filter(c -> area.equals(c.specialtyCode)).toList();
        List<BoardCertification> relevant = requiredSub == null ? inArea
                : inArea.stream().filter(c -> requiredSub.equals(c.subSpecialtyCode)).toList();
        List<BoardCertification> toCheck = relevant.isEmpty() && requiredSub != null ? inArea : relevant;
        List<BoardCertification> good = toCheck.stream().filter(c -> c.isVerifiedAndCurrent(today)).toList();
        if (good.isEmpty()) {
            if (toCheck.stream().anyMatch(c -> c.isExpired(today))) {
                reasons.put(ExclusionReason.CERTIFICATION_EXPIRED, "board certification in " + name(area) + " has expired");
            } else if (toCheck.isEmpty()) {
                reasons.put(ExclusionReason.CERTIFICATION_NOT_VERIFIED, "no board certification in " + name(area));
            } else {
                reasons.put(ExclusionReason.CERTIFICATION_NOT_VERIFIED, "certification not verified");
            }
        }
        if (requiredSub != null && relevant.isEmpty()) {
            reasons.put(ExclusionReason.LOWER_EXPERTISE, "not a sub-specialist in " + name(requiredSub)
                    + (facts.subSpecialtyCode() != null ? ", the area of your case" : ", as your physician is"));
        }
        if (facts.excludedNpis().contains(p.npi)) {
            reasons.put(ExclusionReason.EXCLUDED_BY_PATIENT_HISTORY, "excluded for this case (an earlier reviewer or your choice)");
        }
        if (!p.mayPractiseIn(facts.stateCode())) {
            reasons.put(ExclusionReason.NOT_LICENSED_IN_STATE, "not licensed in " + facts.stateCode() + " and no telehealth there");
        }
        if (!p.acceptingSecondOpinions) {
            reasons.put(ExclusionReason.NOT_ACCEPTING, "not accepting second-opinion cases");
        }

        List<BoardCertification> qualifying = inArea.stream().filter(c -> c.isVerifiedAndCurrent(today))
                .sorted(Comparator.comparing((BoardCertification c) -> c.subSpecialtyCode == null ? 1 : 0)
                        .thenComparing(BoardCertification::areaCode))
                .toList();
        String fitSub = facts.subSpecialtyCode() != null ? facts.subSpecialtyCode() : requiredSub;
        int fit = fitSub != null && qualifying.stream().anyMatch(c -> fitSub.equals(c.subSpecialtyCode)) ? 2
                : qualifying.stream().anyMatch(c -> c.subSpecialtyCode != null) ? 1 : 0;

        Clinic nearest = null;
        Double distance = null;
        if (locate && facts.latitude() != null && !p.clinics.isEmpty()) {
            nearest = p.clinics.stream().min(Comparator.comparingDouble(
                    (Clinic c) -> GeoDistance.km(facts.latitude(), facts.longitude(), c.latitude, c.longitude))).orElseThrow();
            distance = GeoDistance.round(GeoDistance.km(facts.latitude(), facts.longitude(), nearest.latitude, nearest.longitude));
        } else if (locate && !p.clinics.isEmpty()) {
            nearest = p.clinics.get(0);
        }
        boolean language = facts.preferredLanguage() != null && p.languages.stream()
                .anyMatch(l -> l.equalsIgnoreCase(facts.preferredLanguage())
                        || l.toLowerCase(Locale.ROOT).startsWith(facts.preferredLanguage().toLowerCase(Locale.ROOT) + "-")
                        || facts.preferredLanguage().toLowerCase(Locale.ROOT).startsWith(l.toLowerCase(Locale.ROOT) + "-"));
        boolean recommended = facts.recommendedNpis().contains(p.npi);
        List<String> why = reasons.isEmpty() ? why(p, qualifying, fit, distance, language, recommended) : List.of();
        return new Evaluation(p, reasons, fit, distance, nearest, qualifying, language, recommended, why);
    }

    /** Best first: sub-specialty fit, distance (in 25 km bands), experience, language; the NPI breaks ties. */
    public static final Comparator<Evaluation> RANKING = Comparator
            .comparingInt((Evaluation e) -> -e.subSpecialtyFit())
            .thenComparingDouble(e -> e.distanceKm() == null ? Double.MAX_VALUE : Math.floor(e.distanceKm() / DISTANCE_BAND_KM))
            .thenComparingInt(e -> -(e.physician().yearsInPractice == null ? -1 : e.physician().yearsInPractice))
            .thenComparingInt(e -> e.speaksPreferredLanguage() ? 0 : 1)
            .thenComparing(e -> e.physician().npi);

    private List<String> why(Physician p, List<BoardCertification> qualifying, int fit, Double distance, boolean language,
            boolean recommended) {
        List<String> why = new ArrayList<>();
        if (recommended) {
            why.add("Recommended to you, and meets every requirement");
        }
        for (BoardCertification c : qualifying) {
            why.add("Board certified in " + name(c.areaCode()) + " by " + c.board + ", verified on "
                    + LocalDate.ofInstant(c.verifiedAt, ZoneOffset.UTC) + " against " + c.verificationSource
                    + (c.verifiedValidUntil != null ? " (valid until " + c.verifiedValidUntil + ")" : ""));
        }
        if (fit == 2) {
            String sub = facts.subSpecialtyCode() != null ? facts.subSpecialtyCode() : requiredSub;
            why.add("Sub-specialist in " + name(sub));
        } else if (fit == 1) {
            why.add("Sub-specialist within " + name(facts.specialtyCode()));
        }
        why.add(switch (primaryLevel) {
            case NONE -> "A specialist in " + name(facts.specialtyCode()) + ", which your physician is not";
            case SPECIALIST -> "At least as specialised as your physician";
            case SUB_SPECIALIST -> "As specialised as your physician, a sub-specialist";
        });
        why.add("No conflict of interest: neither your physician nor in their practice");
        why.add(p.licensedStates.contains(facts.stateCode()) ? "Licensed in " + facts.stateCode()
                : "Gives opinions by telehealth in " + facts.stateCode());
        if (distance != null) {
            why.add(distance + " km from you");
        }
        if (p.yearsInPractice != null) {
            why.add(p.yearsInPractice + " years in practice");
        }
        if (language) {
            why.add("Consults in your preferred language");
        }
        return why;
    }

    private String name(String code) {
        Specialty s = taxonomy.get(code);
        return s == null ? code : s.name;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    /** Practice names compared without case, punctuation or spacing differences. */
    static String normalise(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static Set<String> setOf(List<String> values) {
        return values == null ? Set.of() : values.stream().collect(Collectors.toUnmodifiableSet());
    }
}

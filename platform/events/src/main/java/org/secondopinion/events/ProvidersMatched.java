package org.secondopinion.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.secondopinion.events.model.BoardCertification;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.ExclusionReason;

/**
 * The directory matched physicians to a case: the ranked candidates, each with what case-service
 * shows the patient, how many physicians were left out for which reason, and the outcome for each
 * physician the patient was recommended. An empty candidate list is a valid match (nobody
 * qualifies); a later match for the same case replaces this one.
 *
 * @param caseId the case; the subject
 * @param candidates best first
 * @param excludedCounts how many physicians were left out, by reason
 * @param matchedAt when the match was made
 * @param recommended optional (added to version 1; absent from older producers, read as empty): the
 *     outcome for every physician the case names in {@code recommendedPhysicianNpis}, in that order
 */
public record ProvidersMatched(
        String caseId,
        List<Candidate> candidates,
        List<ExclusionCount> excludedCounts,
        Instant matchedAt,
        List<RecommendedOutcome> recommended) implements DomainEvent {

    public ProvidersMatched {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(matchedAt, "matchedAt");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        excludedCounts = excludedCounts == null ? List.of() : List.copyOf(excludedCounts);
        recommended = recommended == null ? List.of() : List.copyOf(recommended);
    }

    /** The case id. */
    @Override
    public String subject() {
        return caseId;
    }

    /**
     * A physician who qualifies for the case.
     *
     * @param rank 1 for the best candidate
     * @param npi the physician's NPI
     * @param name the name to show
     * @param specialtyCode the physician's specialty
     * @param subSpecialtyCode the physician's sub-specialty, or null
     * @param boardCertifications the verified, current certifications that qualify the physician
     * @param networks the insurer networks the physician accepts (network codes)
     * @param inNetwork whether the physician is in the patient's covered networks, or null when the
     *     directory does not know the coverage (case-service then compares {@code networks} with
     *     the coverage's networks)
     * @param distanceKm from the patient, or null when the patient shared no coordinates
     * @param yearsInPractice or null when not known
     * @param affiliations hospitals and institutions the physician is affiliated with
     * @param telehealth whether the physician gives opinions remotely
     * @param languages languages the physician consults in (BCP 47 tags)
     * @param practice where the physician practises, or null
     * @param why the reasons the physician qualifies, in words a patient can read
     * @param requiredDocuments what the physician needs before the review (the case's checklist)
     * @param referralLetterRequired whether a referral letter from the primary provider is needed
     */
    public record Candidate(
            int rank,
            String npi,
            String name,
            String specialtyCode,
            String subSpecialtyCode,
            List<BoardCertification> boardCertifications,
            List<String> networks,
            Boolean inNetwork,
            Double distanceKm,
            Integer yearsInPractice,
            List<String> affiliations,
            boolean telehealth,
            List<String> languages,
            PracticeLocation practice,
            List<String> why,
            List<DocumentType> requiredDocuments,
            boolean referralLetterRequired) {

        public Candidate {
            Objects.requireNonNull(npi, "npi");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(specialtyCode, "specialtyCode");
            if (rank < 1) {
                throw new IllegalArgumentException("Rank starts at 1");
            }
            boardCertifications = boardCertifications == null ? List.of() : List.copyOf(boardCertifications);
            networks = networks == null ? List.of() : List.copyOf(networks);
            affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
            languages = languages == null ? List.of() : List.copyOf(languages);
            why = why == null ? List.of() : List.copyOf(why);
            requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        }
    }

    /**
     * The practice or clinic a candidate works at.
     *
     * @param name the practice's name
     * @param city the city
     * @param stateCode two-letter US state code
     */
    public record PracticeLocation(String name, String city, String stateCode) {

        public PracticeLocation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(stateCode, "stateCode");
        }
    }

    /**
     * How many physicians were left out for one reason. A physician left out for several reasons
     * counts under the first that applied, in the order of {@link ExclusionReason}.
     *
     * @param reason why
     * @param count how many
     */
    public record ExclusionCount(ExclusionReason reason, int count) {

        public ExclusionCount {
            Objects.requireNonNull(reason, "reason");
            if (count < 0) {
                throw new IllegalArgumentException("Count must not be negative");
            }
        }
    }

    /**
     * The directory's verdict on one physician the patient was recommended, by the same rules as
     * every candidate. One who qualifies is also among the candidates, at {@code rank}.
     *
     * @param npi the NPI the case names
     * @param name the name to show, or null when the physician is not in the directory
     * @param inDirectory whether the directory knows the physician (one it does not know cannot have
     *     verified credentials, so does not qualify)
     * @param qualifies whether the physician qualifies for the case
     * @param rank the physician's rank among the candidates when qualifying, otherwise null
     * @param reasons in words a patient can read: why the physician qualifies, or every reason they
     *     do not (for example "same practice as your physician")
     */
    public record RecommendedOutcome(
            String npi,
            String name,
            boolean inDirectory,
            boolean qualifies,
            Integer rank,
            List<String> reasons) {

        public RecommendedOutcome {
            Objects.requireNonNull(npi, "npi");
            if (qualifies != (rank != null)) {
                throw new IllegalArgumentException("A qualifying physician has a rank, and only one who qualifies");
            }
            if (rank != null && rank < 1) {
                throw new IllegalArgumentException("Rank starts at 1");
            }
            if (qualifies && !inDirectory) {
                throw new IllegalArgumentException("A physician not in the directory cannot qualify");
            }
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }
}

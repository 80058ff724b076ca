package org.secondopinion.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.events.model.BoardCertification;
import org.secondopinion.events.model.CancelledBy;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.CoverageOutcome;
import org.secondopinion.events.model.DocumentRef;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.events.model.ExclusionReason;
import org.secondopinion.events.model.MedicalArea;
import org.secondopinion.events.model.Money;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.PatientDecision;
import org.secondopinion.events.model.PrimaryProvider;
import org.secondopinion.events.model.ProviderRef;
import org.secondopinion.events.model.Question;
import org.secondopinion.events.model.SecondOpinionReason;
import org.secondopinion.events.model.VerificationOutcome;

/**
 * One realistic, fully populated sample per event type: every optional field set and every list
 * non-empty, so that schema checks cover every field. Synthetic data only; NPIs start with 9, which
 * no real NPI does.
 */
final class SampleEvents {

    static final String CASE_ID = "6f1c2a4e-8b3d-4c7e-9a51-2d0f3b6e8c17";
    static final String PREVIOUS_CASE_ID = "0b7e5d2c-1a94-4f36-8e2b-7c5d9a1f3e60";
    static final String FOLLOW_UP_CASE_ID = "c3a8f1e2-5d6b-4a79-b0c4-9e2f7d1a6b35";
    static final String PATIENT_ID = "3e9d1f7a-2c5b-4e8d-a6f0-1b4c7e9d2a58";
    static final String REPORT_ID = "a41d7c9e-3f2b-4d6a-8e15-c7b0f9e2d463";
    static final String TRACE_NUMBER = "SO-20260302-000417";
    static final String PRIMARY_NPI = "9000000017";
    static final String REVIEWER_NPI = "9000000025";
    static final String OTHER_NPI = "9000000033";
    static final String EARLIER_REVIEWER_NPI = "9000000041";
    static final String SHA = "9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f";

    private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:15:30Z");
    private static final MedicalArea AREA = new MedicalArea("cardiology", "interventional-cardiology");
    private static final PrimaryProvider PRIMARY = new PrimaryProvider("Dr. Robin Placeholder", PRIMARY_NPI,
            "cardiology", "interventional-cardiology", "Example Heart Clinic", "9100000016");
    private static final List<SecondOpinionReason> REASONS = List.of(
            SecondOpinionReason.SURGERY_RECOMMENDED, SecondOpinionReason.LACK_OF_CONFIDENCE);
    private static final List<Question> QUESTIONS = List.of(
            new Question("q1", "Is bypass surgery the only option?"),
            new Question("q2", "Would a stent be enough?"));
    private static final List<DocumentRef> DOCUMENTS = List.of(
            new DocumentRef("5a7c9e1b-3d5f-4a8c-b2e4-6f8a0c2e4b6d", DocumentType.IMAGING, "application/dicom",
                    5_242_880, SHA, Instant.parse("2026-03-03T18:02:11Z")),
            new DocumentRef("8d0f2b4a-6c8e-4b1d-93f5-7a9c1e3b5d7f", DocumentType.LAB_RESULTS, "application/pdf",
                    182_400, SHA.replace('9', '8'), Instant.parse("2026-03-03T18:05:42Z")));

    private SampleEvents() {
    }

    static DomainEvent of(EventType type) {
        return switch (type) {
            case CASE_SUBMITTED -> caseSubmitted();
            case COVERAGE_DETERMINED -> new CoverageDetermined(CASE_ID, "e2b4d6f8-0a1c-4e3b-85d7-9f1a3c5e7b90",
                    CoverageOutcome.COVERED, true, "EXAMPLE-HEALTH", "EXAMPLE-PPO-GOLD", "Example PPO Gold",
                    List.of("EXAMPLE-PPO", "EXAMPLE-NATIONAL"), true, Money.of("25.00", "USD"), new BigDecimal("20"),
                    true, Money.of("450.00", "USD"),
                    List.of("Your plan covers one second opinion a year from in-network physicians.",
                            "Prior authorisation is needed; we request it for you."),
                    "plan-benefit:second-opinion", Instant.parse("2026-03-02T09:15:34Z"));
            case ELIGIBILITY_INQUIRY -> new EligibilityInquiry(TRACE_NUMBER, CASE_ID, "EXAMPLE-HEALTH",
                    new EligibilityInquiry.Subscriber("XMP123456789", "GRP-4410", "Alex", "Example",
                            LocalDate.of(1971, 6, 14)),
                    EligibilityInquiry.SERVICE_TYPE_CONSULTATION, "cardiology", LocalDate.of(2026, 3, 2),
                    Instant.parse("2026-03-02T09:15:32Z"));
            case ELIGIBILITY_ANSWER -> new EligibilityAnswer(TRACE_NUMBER, "EXAMPLE-HEALTH", CASE_ID, true, true, true,
                    false, Money.of("25.00", "USD"), new BigDecimal("20"), true, List.of("EXAMPLE-PPO"),
                    "EXAMPLE-PPO-GOLD", "Example PPO Gold", "Second opinion benefit: 1 per calendar year.",
                    Instant.parse("2026-03-02T09:16:05Z"));
            case PROVIDERS_MATCHED -> new ProvidersMatched(CASE_ID, List.of(candidate()),
                    List.of(new ProvidersMatched.ExclusionCount(ExclusionReason.PRIMARY_PROVIDER, 1),
                            new ProvidersMatched.ExclusionCount(ExclusionReason.SAME_PRACTICE, 3),
                            new ProvidersMatched.ExclusionCount(ExclusionReason.CERTIFICATION_EXPIRED, 2)),
                    Instant.parse("2026-03-02T09:15:36Z"),
                    // Every field set, so the schema check covers them all: a recommended physician who qualifies.
                    List.of(new ProvidersMatched.RecommendedOutcome(REVIEWER_NPI, "Dr. Sam Sample", true, true, 1,
                            List.of("Recommended to you, and meets every requirement",
                                    "Board certified in interventional cardiology (verified 2026-02-20)"))));
            case PHYSICIAN_SELECTED -> new PhysicianSelected(CASE_ID, PATIENT_ID,
                    new ProviderRef(REVIEWER_NPI, "Dr. Sam Sample"), AREA, REASONS,
                    "Chest pain on exertion for six months; angiography showed narrowed arteries.", PRIMARY,
                    "Three-vessel coronary artery disease", "Coronary artery bypass surgery", true, true, QUESTIONS,
                    List.of(DocumentType.IMAGING, DocumentType.LAB_RESULTS, DocumentType.REFERRAL_LETTER),
                    PREVIOUS_CASE_ID, Instant.parse("2026-03-16T17:00:00Z"), Instant.parse("2026-03-02T10:02:00Z"));
            case RECORDS_COMPLETED -> new RecordsCompleted(CASE_ID, REVIEWER_NPI, DOCUMENTS,
                    Instant.parse("2026-03-17T18:05:42Z"), Instant.parse("2026-03-03T18:05:42Z"));
            case DOCUMENTS_REQUESTED -> new DocumentsRequested(CASE_ID, REVIEWER_NPI, List.of(DocumentType.IMAGING),
                    "Please upload the angiography video, not only the written report.", DOCUMENTS,
                    Instant.parse("2026-03-04T11:20:00Z"));
            case PHYSICIAN_DECLINED -> new PhysicianDeclined(CASE_ID, PATIENT_ID, EARLIER_REVIEWER_NPI,
                    Instant.parse("2026-03-04T09:10:00Z"));
            case OPINION_ISSUED -> new OpinionIssued(CASE_ID, REPORT_ID, 1, REVIEWER_NPI,
                    OpinionAgreement.AGREES_WITH_REFINEMENTS, SHA, Instant.parse("2026-03-10T15:45:00Z"));
            case OPINION_AMENDED -> new OpinionAmended(CASE_ID, REPORT_ID, 2, 1, AmendmentKind.ADDENDUM,
                    "Added a comment on the latest lab results.", REVIEWER_NPI, OpinionAgreement.AGREES_WITH_REFINEMENTS,
                    SHA.replace('a', 'b'), Instant.parse("2026-03-11T09:30:00Z"));
            case PROVIDER_LETTER_ISSUED -> new ProviderLetterIssued(CASE_ID, REPORT_ID, 1,
                    "d5f7b9a1-2c4e-4d6f-8a0b-1c3e5f7a9b2d", new ProviderRef(PRIMARY_NPI, "Dr. Robin Placeholder"),
                    "/api/reports/" + REPORT_ID + "/letters/d5f7b9a1-2c4e-4d6f-8a0b-1c3e5f7a9b2d/pdf", SHA,
                    Instant.parse("2026-03-10T15:46:00Z"));
            case CASE_CANCELLED -> new CaseCancelled(CASE_ID, PATIENT_ID, "AWAITING_RECORDS", CancelledBy.PATIENT,
                    "Decided to stay with my cardiologist.", Instant.parse("2026-03-05T08:00:00Z"));
            case PATIENT_DECISION_RECORDED -> new PatientDecisionRecorded(CASE_ID, PATIENT_ID,
                    PatientDecision.SEEK_ANOTHER_OPINION, REVIEWER_NPI, FOLLOW_UP_CASE_ID,
                    Instant.parse("2026-03-12T19:10:00Z"));
            case PHYSICIAN_CREDENTIALS_CHANGED -> new PhysicianCredentialsChanged(OTHER_NPI, "Dr. Kim Fictional",
                    VerificationOutcome.EXPIRED, "American Board of Internal Medicine", "cardiology",
                    CertificationStatus.CERTIFIED, CertificationStatus.EXPIRED, true, false,
                    "ABMS primary-source verification", Instant.parse("2026-03-01T02:00:00Z"), LocalDate.of(2026, 2, 28),
                    Instant.parse("2026-03-08T02:00:00Z"));
        };
    }

    static CaseSubmitted caseSubmitted() {
        return new CaseSubmitted(CASE_ID, PATIENT_ID,
                new CaseSubmitted.Insurance("EXAMPLE-HEALTH", "XMP123456789", "GRP-4410", "Alex", "Example",
                        LocalDate.of(1971, 6, 14)),
                AREA, REASONS, "Chest pain on exertion for six months; angiography showed narrowed arteries.", PRIMARY,
                "Three-vessel coronary artery disease", "Coronary artery bypass surgery", true, true, QUESTIONS,
                new CaseSubmitted.PatientLocation("OH", 39.9612, -82.9988), "en",
                List.of(REVIEWER_NPI), List.of(EARLIER_REVIEWER_NPI), PREVIOUS_CASE_ID, SUBMITTED);
    }

    private static ProvidersMatched.Candidate candidate() {
        return new ProvidersMatched.Candidate(1, REVIEWER_NPI, "Dr. Sam Sample", "cardiology",
                "interventional-cardiology",
                List.of(new BoardCertification("American Board of Internal Medicine", "interventional-cardiology",
                        CertificationStatus.CERTIFIED, Instant.parse("2026-02-20T02:00:00Z"),
                        "ABMS primary-source verification", LocalDate.of(2030, 12, 31))),
                List.of("EXAMPLE-PPO"), true, 12.4, 18, List.of("Example University Hospital"), true,
                List.of("en", "es"), new ProvidersMatched.PracticeLocation("Sample Cardiology Associates", "Columbus", "OH"),
                List.of("Board certified in interventional cardiology (verified 2026-02-20)",
                        "Sub-specialist in the case's area", "In your insurer's network"),
                List.of(DocumentType.IMAGING, DocumentType.LAB_RESULTS, DocumentType.REFERRAL_LETTER), true);
    }
}

package org.secondopinion.reports.domain;

import java.time.Instant;
import java.util.List;
import org.secondopinion.events.model.Question;

/**
 * Everything one issued version says, frozen: the opinion, and the facts it was written against. Its
 * canonical JSON is stored with the version and hashed (SHA-256); the PDF prints the hash.
 */
public record IssuedContent(
        String reportId,
        String caseId,
        int version,
        VersionKind kind,
        String reason,
        Instant issuedAt,
        Instant firstIssuedAt,
        String physicianName,
        String physicianNpi,
        String primaryProviderName,
        String primaryProviderNpi,
        String conditionDescription,
        String primaryDiagnosis,
        String primaryRecommendedTreatment,
        boolean surgeryRecommended,
        List<Question> questions,
        ReportContent opinion,
        List<FollowUpAnswer> followUps) {

    public IssuedContent {
        questions = questions == null ? List.of() : List.copyOf(questions);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** A follow-up question of the patient and the physician's answer, part of an addendum. */
    public record FollowUpAnswer(String questionId, String question, Instant askedAt, String answer, Instant answeredAt) {
    }
}

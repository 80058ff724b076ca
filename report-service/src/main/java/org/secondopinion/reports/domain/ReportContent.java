package org.secondopinion.reports.domain;

import java.util.List;
import org.secondopinion.events.model.OpinionAgreement;

/**
 * The physician's written opinion: what a draft holds and what an issued version freezes. Every field
 * may be missing in a draft; issuing checks that the report is complete.
 *
 * @param physicianCredentials the physician's credentials as printed on the report, for example
 *     {@code MD, board certified in cardiology}
 * @param recordsReviewed the records the physician reviewed (document ids from the review, or a description)
 * @param agreement how the opinion relates to the primary provider's
 * @param diagnosis the second-opinion diagnosis
 * @param recommendedTreatment the recommended treatment
 * @param alternatives alternative treatments worth discussing
 * @param surgeryConcurrence when surgery was recommended: whether the physician concurs
 * @param answers an answer to each of the patient's questions, by question id
 * @param differenceExplanation why the opinion differs; required unless it agrees
 * @param followUpAdvice what the patient should do next
 */
public record ReportContent(
        String physicianCredentials,
        List<String> recordsReviewed,
        OpinionAgreement agreement,
        String diagnosis,
        String recommendedTreatment,
        List<String> alternatives,
        Boolean surgeryConcurrence,
        List<Answer> answers,
        String differenceExplanation,
        String followUpAdvice) {

    public ReportContent {
        recordsReviewed = recordsReviewed == null ? List.of() : List.copyOf(recordsReviewed);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public static ReportContent empty() {
        return new ReportContent(null, null, null, null, null, null, null, null, null, null);
    }

    /** The physician's answer to one of the patient's questions. */
    public record Answer(String questionId, String answer) {
    }
}

package org.secondopinion.reports.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.Question;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem.FieldError;
import org.secondopinion.reports.domain.ReportContent;
import org.secondopinion.reports.domain.Review;

/** The rules a report must meet: consistent while drafted, complete when issued. */
final class Completeness {

    private Completeness() {
    }

    /** A draft may be incomplete, but it may not answer questions the patient did not ask, or one twice. */
    static void requireConsistent(ReportContent content, Review review) {
        Set<String> known = new HashSet<>();
        review.questions().forEach(q -> known.add(q.questionId()));
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < content.answers().size(); i++) {
            String id = content.answers().get(i).questionId();
            if (id == null || !known.contains(id)) {
                errors.add(new FieldError("answers[" + i + "].questionId", "is not one of the patient's questions"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("answers[" + i + "].questionId", "answers a question that is already answered"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The report answers unknown questions.", errors);
        }
    }

    /** 400 listing everything still missing before the report can be issued. */
    static void requireComplete(ReportContent content, Review review) {
        requireConsistent(content, review);
        List<FieldError> missing = new ArrayList<>();
        if (blank(content.physicianCredentials())) {
            missing.add(new FieldError("physicianCredentials", "is required"));
        }
        if (content.recordsReviewed().isEmpty()) {
            missing.add(new FieldError("recordsReviewed", "name at least one record reviewed"));
        }
        if (content.agreement() == null) {
            missing.add(new FieldError("agreement", "is required"));
        }
        if (blank(content.diagnosis())) {
            missing.add(new FieldError("diagnosis", "is required"));
        }
        if (blank(content.recommendedTreatment())) {
            missing.add(new FieldError("recommendedTreatment", "is required"));
        }
        if (review.surgeryRecommended && content.surgeryConcurrence() == null) {
            missing.add(new FieldError("surgeryConcurrence", "is required because the primary provider recommended surgery"));
        }
        for (Question question : review.questions()) {
            boolean answered = content.answers().stream()
                    .anyMatch(a -> question.questionId().equals(a.questionId()) && !blank(a.answer()));
            if (!answered) {
                missing.add(new FieldError("answers", "question " + question.questionId() + " is not answered"));
            }
        }
        if (content.agreement() != null && content.agreement() != OpinionAgreement.AGREES && blank(content.differenceExplanation())) {
            missing.add(new FieldError("differenceExplanation", "is required when the opinion differs from the primary opinion"));
        }
        if (blank(content.followUpAdvice())) {
            missing.add(new FieldError("followUpAdvice", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid("The report is not complete: " + missing.size() + " item(s) missing.", missing);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

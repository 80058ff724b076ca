package org.secondopinion.reports.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.reports.domain.IssuedContent;
import org.secondopinion.reports.domain.ReportContent;
import org.secondopinion.reports.domain.ReportStatus;
import org.secondopinion.reports.domain.ReviewState;
import org.secondopinion.reports.domain.VersionKind;

/** Request and response bodies of {@code /api/reports}. */
public final class ReportViews {

    private ReportViews() {
    }

    /** The physician's draft; every field may be left out until the report is issued. */
    @Schema(description = "A report draft. Fields may be missing while drafting; issuing checks completeness.")
    public record DraftRequest(
            @Size(max = 500) String physicianCredentials,
            @Size(max = 100) List<@NotBlank @Size(max = 500) String> recordsReviewed,
            OpinionAgreement agreement,
            @Size(max = 5000) String diagnosis,
            @Size(max = 10000) String recommendedTreatment,
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> alternatives,
            Boolean surgeryConcurrence,
            @Size(max = 50) List<@Valid @NotNull AnswerRequest> answers,
            @Size(max = 10000) String differenceExplanation,
            @Size(max = 5000) String followUpAdvice) {

        ReportContent toContent() {
            return new ReportContent(physicianCredentials, recordsReviewed, agreement, diagnosis, recommendedTreatment,
                    alternatives, surgeryConcurrence,
                    answers == null ? null : answers.stream().map(a -> new ReportContent.Answer(a.questionId(), a.answer())).toList(),
                    differenceExplanation, followUpAdvice);
        }
    }

    public record AnswerRequest(@NotBlank @Size(max = 64) String questionId, @Size(max = 10000) String answer) {
    }

    /** An amendment: a complete new content and why it replaces the previous version. */
    public record AmendmentRequest(@NotBlank @Size(max = 2000) String reason, @NotNull @Valid DraftRequest content) {
    }

    public record FollowUpRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record FollowUpAnswerRequest(@NotNull UUID questionId, @NotBlank @Size(max = 10000) String answer) {
    }

    /** The physician's answers to open follow-up questions; they form an addendum. */
    public record AddendumRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull FollowUpAnswerRequest> answers) {
    }

    public record PhysicianView(String npi, String name) {
    }

    /** An issued version without its text, for lists and status. */
    public record VersionSummary(int version, VersionKind kind, OpinionAgreement agreement, String contentHash,
            Instant issuedAt, String pdf) {
    }

    /** One issued version with everything it says. */
    public record VersionView(int version, VersionKind kind, String reason, OpinionAgreement agreement, String contentHash,
            Instant issuedAt, String pdf, IssuedContent content) {
    }

    public record LetterSummary(String letterId, int reportVersion, String providerName, String providerNpi,
            String contentHash, Instant issuedAt, String pdf) {
    }

    /**
     * A report as its physician (with the draft) or its patient (issued versions only, never the draft)
     * sees it.
     */
    public record ReportView(
            UUID id,
            String caseId,
            ReportStatus status,
            PhysicianView physician,
            int currentVersion,
            Instant createdAt,
            Instant updatedAt,
            Instant firstIssuedAt,
            @Schema(description = "The physician's draft (the content of the latest version once issued); only for the physician")
            ReportContent draft,
            VersionView latest,
            List<VersionSummary> versions,
            List<LetterSummary> letters) {
    }

    /** Status and dates only, without any of the report's text: what coordinators see. */
    public record ReportStatusView(
            UUID id,
            String caseId,
            ReportStatus status,
            ReviewState reviewState,
            Instant reviewDueAt,
            int currentVersion,
            Instant createdAt,
            Instant firstIssuedAt,
            Instant lastIssuedAt,
            List<VersionDates> versions) {
    }

    public record VersionDates(int version, VersionKind kind, Instant issuedAt) {
    }

    public record FollowUpView(UUID id, String text, Instant askedAt, String answer, Instant answeredAt,
            Integer answeredInVersion) {
    }
}

package org.secondopinion.reports.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.secondopinion.reports.config.ReportsConfig;
import org.secondopinion.reports.domain.FollowUpQuestion;
import org.secondopinion.reports.domain.ProviderLetter;
import org.secondopinion.reports.domain.ReportVersion;
import org.secondopinion.reports.domain.Review;
import org.secondopinion.reports.rest.ReportViews.FollowUpView;
import org.secondopinion.reports.rest.ReportViews.LetterSummary;
import org.secondopinion.reports.rest.ReportViews.PhysicianView;
import org.secondopinion.reports.rest.ReportViews.ReportStatusView;
import org.secondopinion.reports.rest.ReportViews.ReportView;
import org.secondopinion.reports.rest.ReportViews.VersionDates;
import org.secondopinion.reports.rest.ReportViews.VersionSummary;
import org.secondopinion.reports.rest.ReportViews.VersionView;
import org.secondopinion.reports.rest.ReviewViews.DocumentView;
import org.secondopinion.reports.rest.ReviewViews.PrimaryProviderView;
import org.secondopinion.reports.rest.ReviewViews.ReviewDetail;
import org.secondopinion.reports.rest.ReviewViews.ReviewSummary;
import org.secondopinion.reports.service.ReportService.ReportState;

/** Entities to the wire's records; entities never leave the service. */
@ApplicationScoped
public class ViewMapper {

    @Inject
    ReportsConfig config;

    ReviewSummary summary(Review review, String reportId) {
        return new ReviewSummary(review.caseId, review.state(), review.dueAt(), review.selectedAt, review.specialtyCode,
                review.subSpecialtyCode, reportId);
    }

    ReviewDetail detail(Review review, String reportId) {
        List<DocumentView> documents = review.documents().stream()
                .map(d -> new DocumentView(d.documentId(), d.type(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedAt(),
                        config.documentDownloadTemplate().replace("{caseId}", review.caseId).replace("{documentId}", d.documentId())))
                .toList();
        PrimaryProviderView primary = review.primaryProviderNpi == null ? null
                : new PrimaryProviderView(review.primaryProviderName, review.primaryProviderNpi, review.primaryProviderSpecialty,
                        review.primaryPracticeName);
        return new ReviewDetail(review.caseId, review.state(), review.dueAt(), review.submittedAt, review.selectedAt,
                review.recordsCompletedAt, review.specialtyCode, review.subSpecialtyCode, review.conditionDescription,
                review.reasons(), primary, review.primaryDiagnosis, review.recommendedTreatment, review.surgeryRecommended,
                review.questions(), documents, review.requestedTypes(), review.cancelledStage, reportId);
    }

    /** The report with text; the draft only when {@code withDraft} (the physician). */
    ReportView report(ReportState state, boolean withDraft) {
        var report = state.report();
        List<ReportVersion> versions = state.versions();
        VersionView latest = versions.isEmpty() ? null : version(versions.getLast());
        return new ReportView(report.id, report.caseId, report.status, new PhysicianView(report.physicianNpi, report.physicianName),
                report.currentVersion, report.createdAt, report.updatedAt, report.firstIssuedAt,
                withDraft ? report.draft() : null, latest, versions.stream().map(this::versionSummary).toList(),
                state.letters().stream().map(this::letter).toList());
    }

    ReportStatusView status(ReportState state) {
        var report = state.report();
        var review = state.review();
        List<ReportVersion> versions = state.versions();
        return new ReportStatusView(report.id, report.caseId, report.status, review == null ? null : review.state(),
                review == null ? null : review.dueAt(), report.currentVersion, report.createdAt, report.firstIssuedAt,
                versions.isEmpty() ? null : versions.getLast().issuedAt,
                versions.stream().map(v -> new VersionDates(v.number(), v.kind, v.issuedAt)).toList());
    }

    VersionView version(ReportVersion version) {
        return new VersionView(version.number(), version.kind, version.reason, version.agreement, version.contentHash,
                version.issuedAt, pdfPath(version), version.content());
    }

    VersionSummary versionSummary(ReportVersion version) {
        return new VersionSummary(version.number(), version.kind, version.agreement, version.contentHash, version.issuedAt,
                pdfPath(version));
    }

    LetterSummary letter(ProviderLetter letter) {
        return new LetterSummary(letter.id.toString(), letter.reportVersion, letter.providerName, letter.providerNpi,
                letter.contentHash, letter.issuedAt, "/api/reports/" + letter.reportId + "/letters/" + letter.id + "/pdf");
    }

    FollowUpView followUp(FollowUpQuestion question) {
        return new FollowUpView(question.id, question.text, question.askedAt, question.answer, question.answeredAt,
                question.answeredInVersion);
    }

    private static String pdfPath(ReportVersion version) {
        return "/api/reports/" + version.key.reportId + "/versions/" + version.number() + "/pdf";
    }
}

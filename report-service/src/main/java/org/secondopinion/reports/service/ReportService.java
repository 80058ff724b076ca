package org.secondopinion.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.OpinionIssued;
import org.secondopinion.events.ProviderLetterIssued;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.AmendmentKind;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.ProviderRef;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem.FieldError;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;
import org.secondopinion.reports.config.ReportsConfig;
import org.secondopinion.reports.domain.FollowUpQuestion;
import org.secondopinion.reports.domain.IssuedContent;
import org.secondopinion.reports.domain.Json;
import org.secondopinion.reports.domain.ProviderLetter;
import org.secondopinion.reports.domain.Report;
import org.secondopinion.reports.domain.ReportContent;
import org.secondopinion.reports.domain.ReportStatus;
import org.secondopinion.reports.domain.ReportVersion;
import org.secondopinion.reports.domain.Review;
import org.secondopinion.reports.domain.ReviewState;
import org.secondopinion.reports.domain.VersionKind;
import org.secondopinion.reports.repository.FollowUpQuestionRepository;
import org.secondopinion.reports.repository.ProviderLetterRepository;
import org.secondopinion.reports.repository.ReportRepository;
import org.secondopinion.reports.repository.ReportVersionRepository;
import org.secondopinion.reports.repository.ReviewRepository;

/**
 * Reports: drafting by the assigned physician, issuing (frozen, hashed, published), amendments and
 * addenda as new versions, the patient's follow-up questions, the PDFs, and who may see what.
 */
@ApplicationScoped
public class ReportService {

    public static final String REPORT = "report";
    public static final String REPORT_PDF = "report-pdf";
    public static final String LETTER = "provider-letter";
    public static final String FOLLOW_UP = "follow-up-question";

    /** What a caller wants of a report: its text (physician, patient once issued) or only its status. */
    enum Access { CONTENT, STATUS }

    /** A report with its review and issued versions, for views that need all three. */
    public record ReportState(Report report, Review review, List<ReportVersion> versions, List<ProviderLetter> letters) {
    }

    @Inject
    ReportRepository reports;

    @Inject
    ReportVersionRepository versions;

    @Inject
    ProviderLetterRepository letters;

    @Inject
    FollowUpQuestionRepository followUps;

    @Inject
    ReviewRepository reviews;

    @Inject
    ReviewService reviewService;

    @Inject
    ReportPdfRenderer renderer;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    ReportsConfig config;

    // --- Drafting -----------------------------------------------------------------------------

    @Transactional
    public ReportState createDraft(String caseId, ReportContent content) {
        Review review = reviewService.assigned(caseId, "CREATE_REPORT");
        if (review.state() == ReviewState.CANCELLED) {
            throw ApiException.conflict("The case was cancelled; no report can be written for it.");
        }
        if (!review.hasCaseDetails()) {
            throw ApiException.conflict("The case's details have not arrived yet; try again shortly.");
        }
        Optional<Report> existing = reports.forCase(caseId);
        if (existing.isPresent()) {
            throw ApiException.conflict("This case already has a report: /api/reports/" + existing.get().id);
        }
        Completeness.requireConsistent(content, review);
        Report report = new Report();
        report.id = Uuids.timeOrdered();
        report.caseId = caseId;
        report.patientId = review.patientId;
        report.physicianNpi = review.physicianNpi;
        report.physicianName = review.physicianName == null ? "NPI " + review.physicianNpi : review.physicianName;
        report.status = ReportStatus.DRAFT;
        report.draftJson = Json.write(content);
        report.createdAt = now();
        report.updatedAt = report.createdAt;
        reports.persist(report);
        reports.flush();
        audit.record("CREATE", REPORT, report.id, report.patientId);
        return state(report, review);
    }

    @Transactional
    public ReportState updateDraft(UUID reportId, String ifMatch, ReportContent content) {
        Report report = asAssignedPhysician(reportId, "UPDATE");
        if (report.status != ReportStatus.DRAFT) {
            throw ApiException.conflict("An issued report never changes; issue an amendment instead.");
        }
        ETags.requireMatch(ifMatch, report.version);
        Review review = reviews.findById(report.caseId);
        Completeness.requireConsistent(content, review);
        report.draftJson = Json.write(content);
        report.updatedAt = now();
        reports.flush();
        audit.record("UPDATE", REPORT, report.id, report.patientId);
        return state(report, review);
    }

    // --- Issuing and new versions --------------------------------------------------------------

    @Transactional
    public ReportState issue(UUID reportId, String ifMatch) {
        Report report = asAssignedPhysician(reportId, "ISSUE");
        if (report.status != ReportStatus.DRAFT) {
            throw ApiException.conflict("The report was already issued; issue an amendment to change it.");
        }
        ETags.requireMatch(ifMatch, report.version);
        Review review = reviews.findById(report.caseId);
        if (review.state() == ReviewState.CANCELLED) {
            throw ApiException.conflict("The case was cancelled; the report cannot be issued.");
        }
        ReportContent content = report.draft();
        Completeness.requireComplete(content, review);
        Instant issuedAt = now();
        report.status = ReportStatus.ISSUED;
        report.firstIssuedAt = issuedAt;
        ReportVersion version = freeze(report, review, content, VersionKind.ORIGINAL, null, List.of(), issuedAt);
        review.opinionIssuedAt = issuedAt;
        publisher.publish(new OpinionIssued(report.caseId, report.id.toString(), version.number(), report.physicianNpi,
                version.agreement, version.contentHash, issuedAt));
        letterIfDiffers(report, review, version);
        reports.flush();
        audit.record("ISSUE", REPORT, report.id, report.patientId);
        return state(report, review);
    }

    @Transactional
    public ReportState amend(UUID reportId, String ifMatch, String reason, ReportContent content) {
        Report report = asAssignedPhysician(reportId, "AMEND");
        requireIssued(report);
        ETags.requireMatch(ifMatch, report.version);
        Review review = reviews.findById(report.caseId);
        Completeness.requireComplete(content, review);
        List<IssuedContent.FollowUpAnswer> carried = latest(report).content().followUps();
        ReportVersion version = newVersion(report, review, content, VersionKind.AMENDMENT, reason, carried);
        letterIfDiffers(report, review, version);
        audit.record("AMEND", REPORT, report.id, report.patientId);
        return state(report, review);
    }

    /** The physician answers open follow-up questions; the answers form an addendum, a new version. */
    @Transactional
    public ReportState addendum(UUID reportId, String ifMatch, Map<UUID, String> answers) {
        Report report = asAssignedPhysician(reportId, "ADDENDUM");
        requireIssued(report);
        ETags.requireMatch(ifMatch, report.version);
        Review review = reviews.findById(report.caseId);
        Map<UUID, FollowUpQuestion> open = new HashMap<>();
        followUps.ofReport(report.id).stream().filter(q -> q.answer == null).forEach(q -> open.put(q.id, q));
        List<FieldError> errors = new ArrayList<>();
        answers.forEach((id, answer) -> {
            if (!open.containsKey(id)) {
                errors.add(new FieldError("answers", "question " + id + " is not an open follow-up question of this report"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The addendum answers questions that are not open.", errors);
        }
        IssuedContent previous = latest(report).content();
        Instant answeredAt = now();
        List<IssuedContent.FollowUpAnswer> followUpAnswers = new ArrayList<>(previous.followUps());
        int number = report.currentVersion + 1;
        open.values().stream()
                .filter(q -> answers.containsKey(q.id))
                .sorted((a, b) -> a.askedAt.compareTo(b.askedAt))
                .forEach(q -> {
                    q.answer = answers.get(q.id);
                    q.answeredAt = answeredAt;
                    q.answeredInVersion = number;
                    followUpAnswers.add(new IssuedContent.FollowUpAnswer(q.id.toString(), q.text, q.askedAt, q.answer, answeredAt));
                });
        newVersion(report, review, previous.opinion(), VersionKind.ADDENDUM,
                "Answers to the patient's follow-up questions.", followUpAnswers);
        audit.record("ADDENDUM", REPORT, report.id, report.patientId);
        return state(report, review);
    }

    // --- Follow-up questions ------------------------------------------------------------------

    @Transactional
    public FollowUpQuestion askFollowUp(UUID reportId, String text) {
        Report report = accessible(reportId, "ASK_FOLLOW_UP", Access.CONTENT);
        if (!caller.hasRole(Roles.PATIENT)) {
            throw ApiException.forbidden("Only the patient asks follow-up questions.");
        }
        long asked = followUps.count("reportId", report.id);
        if (asked >= config.maxFollowUpQuestions()) {
            throw ApiException.conflict("This report already has the most follow-up questions allowed ("
                    + config.maxFollowUpQuestions() + ").");
        }
        FollowUpQuestion question = new FollowUpQuestion();
        question.id = Uuids.timeOrdered();
        question.reportId = report.id;
        question.text = text;
        question.askedAt = now();
        followUps.persist(question);
        audit.record("CREATE", FOLLOW_UP, question.id, report.patientId);
        return question;
    }

    @Transactional
    public List<FollowUpQuestion> followUps(UUID reportId) {
        Report report = accessible(reportId, "READ_FOLLOW_UPS", Access.CONTENT);
        audit.record("READ", FOLLOW_UP, report.id, report.patientId);
        return followUps.ofReport(report.id);
    }

    // --- Reading ------------------------------------------------------------------------------

    /** The report with its text: the assigned physician (with the draft) or the patient (issued only). */
    @Transactional
    public ReportState read(UUID reportId) {
        Report report = accessible(reportId, "READ", Access.CONTENT);
        audit.record("READ", REPORT, report.id, report.patientId);
        return state(report, reviews.findById(report.caseId));
    }

    /** Status and dates only: for coordinators, and for the patient and physician of the case. */
    @Transactional
    public ReportState status(UUID reportId) {
        Report report = accessible(reportId, "READ_STATUS", Access.STATUS);
        audit.record("READ_STATUS", REPORT, report.id, report.patientId);
        return state(report, reviews.findById(report.caseId));
    }

    /** The report of a case, as status; empty when there is none or the caller may not know of it. */
    @Transactional
    public Optional<ReportState> statusForCase(String caseId) {
        Optional<Report> report = reports.forCase(caseId);
        if (report.isEmpty() || !permitted(report.get(), Access.STATUS)) {
            report.ifPresent(r -> audit.recordDenied("READ_STATUS", REPORT, r.id, r.patientId));
            return Optional.empty();
        }
        audit.record("READ_STATUS", REPORT, report.get().id, report.get().patientId);
        return Optional.of(state(report.get(), reviews.findById(caseId)));
    }

    @Transactional
    public ReportVersion version(UUID reportId, int number) {
        Report report = accessible(reportId, "READ_VERSION", Access.CONTENT);
        ReportVersion version = versions.find(report.id, number)
                .orElseThrow(() -> ApiException.notFound("Report version", number));
        audit.record("READ_VERSION", REPORT, report.id + "/v" + number, report.patientId);
        return version;
    }

    /** The patient's PDF of one issued version (the latest when {@code number} is null). */
    @Transactional
    public byte[] pdf(UUID reportId, Integer number) {
        Report report = accessible(reportId, "DOWNLOAD_PDF", Access.CONTENT);
        if (report.status != ReportStatus.ISSUED) {
            throw ApiException.conflict("A draft has no PDF; issue the report first.");
        }
        int wanted = number == null ? report.currentVersion : number;
        ReportVersion version = versions.find(report.id, wanted)
                .orElseThrow(() -> ApiException.notFound("Report version", wanted));
        audit.record("DOWNLOAD_PDF", REPORT_PDF, report.id + "/v" + wanted, report.patientId);
        return renderer.patientReport(version.content(), version.contentHash);
    }

    @Transactional
    public ProviderLetter letter(UUID reportId, UUID letterId) {
        Report report = accessible(reportId, "DOWNLOAD_LETTER", Access.CONTENT);
        ProviderLetter letter = letters.findByIdOptional(letterId)
                .filter(l -> l.reportId.equals(report.id))
                .orElseThrow(() -> ApiException.notFound("Letter", letterId));
        audit.record("DOWNLOAD_LETTER", LETTER, letter.id, report.patientId);
        return letter;
    }

    /** Who accessed the signed-in patient's data in report-service, newest first. */
    @Transactional
    public List<AuditEntry> accessLog(int page, int size) {
        return audit.forPatient(caller.subject(), page, size);
    }

    // --- Internals ----------------------------------------------------------------------------

    private ReportVersion newVersion(Report report, Review review, ReportContent content, VersionKind kind, String reason,
            List<IssuedContent.FollowUpAnswer> followUpAnswers) {
        int previous = report.currentVersion;
        Instant issuedAt = now();
        ReportVersion version = freeze(report, review, content, kind, reason, followUpAnswers, issuedAt);
        publisher.publish(new OpinionAmended(report.caseId, report.id.toString(), version.number(), previous,
                kind == VersionKind.ADDENDUM ? AmendmentKind.ADDENDUM : AmendmentKind.AMENDMENT, reason,
                report.physicianNpi, version.agreement, version.contentHash, issuedAt));
        reports.flush();
        return version;
    }

    private ReportVersion freeze(Report report, Review review, ReportContent content, VersionKind kind, String reason,
            List<IssuedContent.FollowUpAnswer> followUpAnswers, Instant issuedAt) {
        int number = report.currentVersion + 1;
        IssuedContent issued = new IssuedContent(report.id.toString(), report.caseId, number, kind, reason, issuedAt,
                report.firstIssuedAt, report.physicianName, report.physicianNpi, review.primaryProviderName,
                review.primaryProviderNpi, review.conditionDescription, review.primaryDiagnosis,
                review.recommendedTreatment, review.surgeryRecommended, review.questions(), content, followUpAnswers);
        ReportVersion version = new ReportVersion();
        version.key = new ReportVersion.Key(report.id, number);
        version.kind = kind;
        version.reason = reason;
        version.agreement = content.agreement();
        version.contentJson = Json.write(issued);
        version.contentHash = ContentHash.sha256(version.contentJson);
        version.issuedAt = issuedAt;
        versions.persist(version);
        report.currentVersion = number;
        report.draftJson = Json.write(content);
        report.updatedAt = issuedAt;
        return version;
    }

    /** When the version differs from the primary opinion, a letter to the primary provider, as a PDF. */
    private void letterIfDiffers(Report report, Review review, ReportVersion version) {
        if (version.agreement == OpinionAgreement.AGREES) {
            return;
        }
        ProviderLetter letter = new ProviderLetter();
        letter.id = Uuids.timeOrdered();
        letter.reportId = report.id;
        letter.reportVersion = version.number();
        letter.caseId = report.caseId;
        letter.providerName = review.primaryProviderName;
        letter.providerNpi = review.primaryProviderNpi;
        letter.pdf = renderer.providerLetter(version.content(), version.contentHash);
        letter.contentHash = ContentHash.sha256(letter.pdf);
        letter.issuedAt = version.issuedAt;
        letters.persist(letter);
        publisher.publish(new ProviderLetterIssued(report.caseId, report.id.toString(), version.number(), letter.id.toString(),
                new ProviderRef(letter.providerNpi, letter.providerName),
                "/api/reports/" + report.id + "/letters/" + letter.id + "/pdf", letter.contentHash, letter.issuedAt));
        audit.record("ISSUE", LETTER, letter.id, report.patientId);
    }

    private ReportVersion latest(Report report) {
        return versions.find(report.id, report.currentVersion).orElseThrow();
    }

    private void requireIssued(Report report) {
        if (report.status != ReportStatus.ISSUED) {
            throw ApiException.conflict("The report is still a draft; edit the draft instead.");
        }
    }

    private Report asAssignedPhysician(UUID reportId, String action) {
        Report report = reports.findById(reportId);
        String npi = caller.requireNpi();
        if (report == null || !npi.equals(report.physicianNpi)) {
            deny(report, reportId, action);
        }
        return report;
    }

    /** The report if the caller may see it in this way; 404 (and a denied audit record) otherwise. */
    private Report accessible(UUID reportId, String action, Access access) {
        Report report = reports.findById(reportId);
        if (report == null || !permitted(report, access)) {
            deny(report, reportId, action);
        }
        return report;
    }

    private boolean permitted(Report report, Access access) {
        if (caller.hasRole(Roles.PHYSICIAN) && caller.npi().map(report.physicianNpi::equals).orElse(false)) {
            return true;
        }
        if (caller.hasRole(Roles.PATIENT) && caller.subject().equals(report.patientId)) {
            // The patient never sees a draft's text.
            return access == Access.STATUS || report.status == ReportStatus.ISSUED;
        }
        return caller.hasRole(Roles.COORDINATOR) && access == Access.STATUS;
    }

    private void deny(Report report, UUID reportId, String action) {
        ApiException refusal = ApiException.notFound("Report", reportId);
        throw report == null ? refusal : refusal.auditedAsDenied(action, REPORT, reportId, report.patientId);
    }

    private ReportState state(Report report, Review review) {
        return new ReportState(report, review, versions.ofReport(report.id), letters.ofReport(report.id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

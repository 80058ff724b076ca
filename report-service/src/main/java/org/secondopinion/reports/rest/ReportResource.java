package org.secondopinion.reports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;
import org.secondopinion.reports.domain.ProviderLetter;
import org.secondopinion.reports.rest.ReportViews.AddendumRequest;
import org.secondopinion.reports.rest.ReportViews.AmendmentRequest;
import org.secondopinion.reports.rest.ReportViews.DraftRequest;
import org.secondopinion.reports.rest.ReportViews.FollowUpAnswerRequest;
import org.secondopinion.reports.rest.ReportViews.FollowUpRequest;
import org.secondopinion.reports.rest.ReportViews.FollowUpView;
import org.secondopinion.reports.rest.ReportViews.ReportStatusView;
import org.secondopinion.reports.rest.ReportViews.ReportView;
import org.secondopinion.reports.rest.ReportViews.VersionSummary;
import org.secondopinion.reports.rest.ReportViews.VersionView;
import org.secondopinion.reports.service.ReportService;
import org.secondopinion.reports.service.ReportService.ReportState;

/** Written second opinions: drafts, issue, versions, PDFs, letters and follow-up questions. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Written second opinions, their versions, PDFs and letters to the primary provider")
public class ReportResource {

    static final String PDF = "application/pdf";

    private static final String DRAFT_EXAMPLE = """
            {"physicianCredentials":"MD, board certified in cardiology","recordsReviewed":["Coronary angiogram of 2026-10-02"],
             "agreement":"AGREES_WITH_REFINEMENTS","diagnosis":"Stable angina, single-vessel disease",
             "recommendedTreatment":"Medical therapy and cardiac rehabilitation","alternatives":["Stent (PCI) if symptoms persist"],
             "surgeryConcurrence":false,"answers":[{"questionId":"q1","answer":"Not at this point."}],
             "differenceExplanation":"Bypass is for multi-vessel disease; medical therapy first.",
             "followUpAdvice":"Review in three months with a stress test."}""";

    private static final String REPORT_EXAMPLE = """
            {"id":"5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23","caseId":"8c0f6a52-3b0e-4c1e-9a43-5f1d2f9b7e10","status":"ISSUED",
             "physician":{"npi":"1999999984","name":"Dr. Sample Reviewer"},"currentVersion":1,
             "createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T11:00:00Z","firstIssuedAt":"2026-11-21T11:00:00Z",
             "draft":null,"latest":{"version":1,"kind":"ORIGINAL","agreement":"AGREES_WITH_REFINEMENTS",
             "contentHash":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","issuedAt":"2026-11-21T11:00:00Z",
             "pdf":"/api/reports/5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23/versions/1/pdf","content":{}},
             "versions":[{"version":1,"kind":"ORIGINAL"}],"letters":[]}""";

    private static final String STATUS_EXAMPLE = """
            {"id":"5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23","caseId":"8c0f6a52-3b0e-4c1e-9a43-5f1d2f9b7e10","status":"ISSUED",
             "reviewState":"OPINION_ISSUED","reviewDueAt":"2026-11-28T17:00:00Z","currentVersion":2,
             "createdAt":"2026-11-21T10:00:00Z","firstIssuedAt":"2026-11-21T11:00:00Z","lastIssuedAt":"2026-11-23T08:00:00Z",
             "versions":[{"version":1,"kind":"ORIGINAL","issuedAt":"2026-11-21T11:00:00Z"},
                         {"version":2,"kind":"ADDENDUM","issuedAt":"2026-11-23T08:00:00Z"}]}""";

    @Inject
    ReportService reports;

    @Inject
    ViewMapper views;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Operation(summary = "Find a case's report", description = "The report of a case, as status and dates only (no text). "
            + "Patients see their own cases', physicians their assigned cases', coordinators any. Empty when there is none.")
    @APIResponse(responseCode = "200", description = "Zero or one report status", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "found", value = "[" + STATUS_EXAMPLE + "]")))
    public List<ReportStatusView> findByCase(@QueryParam("caseId") @NotBlank String caseId) {
        return reports.statusForCase(caseId).map(views::status).stream().toList();
    }

    @GET
    @Path("/access-log")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Who accessed my data", description = "Every access to the signed-in patient's reviews, reports, PDFs "
            + "and letters in report-service, newest first.")
    @APIResponse(responseCode = "200", description = "Audit entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "log", value = """
                    [{"occurredAt":"2026-11-21T11:05:00Z","actor":"dr-reviewer","actorRole":"physician","action":"READ",
                      "resourceType":"report","resourceId":"5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23","outcome":"SUCCESS","requestId":"b7c1"}]""")))
    public List<AuditEntry> accessLog(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return reports.accessLog(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "Read a report", description = "The assigned physician sees the draft and every version; the patient sees "
            + "issued versions only (a report still in draft answers 404). Coordinators use /status.")
    @APIResponse(responseCode = "200", description = "The report, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issued", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such report for the caller")
    public Response read(@PathParam("id") UUID id) {
        ReportState state = reports.read(id);
        return withTag(views.report(state, caller.hasRole(Roles.PHYSICIAN)), state);
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Operation(summary = "A report's status and dates", description = "No text of the report: what coordinators may see.")
    @APIResponse(responseCode = "200", description = "Status and dates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "status", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such report for the caller")
    public ReportStatusView status(@PathParam("id") UUID id) {
        return views.status(reports.status(id));
    }

    @PUT
    @Path("/{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "Save the draft", description = "Replaces the draft (assigned physician only) with If-Match: the ETag last read. "
            + "An issued report is never changed (409): amend it instead.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The saved draft, with its new ETag")
    @APIResponse(responseCode = "409", description = "The report was already issued")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response saveDraft(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DraftRequest request) {
        ReportState state = reports.updateDraft(id, ifMatch, request.toContent());
        return withTag(views.report(state, true), state);
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "Issue the report", description = "Checks completeness (400 listing every missing item), freezes the draft as "
            + "version 1 with its SHA-256 content hash and publishes OpinionIssued. When the opinion differs from the primary one, "
            + "a letter to the primary provider is issued too (ProviderLetterIssued). Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The issued report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "issued", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The report is incomplete; errors list what is missing",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "incomplete", value = """
                    {"title":"Invalid request","status":400,"detail":"The report is not complete: 2 item(s) missing.",
                     "errors":[{"field":"answers","message":"question q1 is not answered"},
                               {"field":"differenceExplanation","message":"is required when the opinion differs from the primary opinion"}]}""")))
    @APIResponse(responseCode = "409", description = "Already issued, or the case was cancelled")
    public Response issue(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        ReportState state = reports.issue(id, ifMatch);
        return withTag(views.report(state, true), state);
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "Amend an issued report", description = "A new, complete version with a reason; earlier versions stay readable. "
            + "Publishes OpinionAmended (kind AMENDMENT) and, when it differs, a new letter. Requires If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "amendment", value =
            "{\"reason\":\"Corrected the follow-up interval after the latest lab results.\",\"content\":" + DRAFT_EXAMPLE + "}")))
    @APIResponse(responseCode = "201", description = "The new version; Location names it")
    @APIResponse(responseCode = "409", description = "The report is still a draft")
    public Response amend(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AmendmentRequest request) {
        ReportState state = reports.amend(id, ifMatch, request.reason(), request.content().toContent());
        return createdVersion(state);
    }

    @POST
    @Path("/{id}/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "Answer follow-up questions", description = "The physician's answers to the patient's open follow-up questions "
            + "form an addendum: a new version (OpinionAmended, kind ADDENDUM). Requires If-Match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "addendum", value = """
            {"answers":[{"questionId":"0b6f3c1a-2a5e-4d3f-9a51-1f0e6c2d7b44","answer":"Yes, you can keep cycling at a gentle pace."}]}""")))
    @APIResponse(responseCode = "201", description = "The new version; Location names it")
    @APIResponse(responseCode = "400", description = "A question is unknown or already answered")
    public Response addendum(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AddendumRequest request) {
        Map<UUID, String> answers = new LinkedHashMap<>();
        for (FollowUpAnswerRequest answer : request.answers()) {
            answers.put(answer.questionId(), answer.answer());
        }
        return createdVersion(reports.addendum(id, ifMatch, answers));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "Issued versions", description = "Every issued version, oldest first.")
    @APIResponse(responseCode = "200", description = "Versions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "versions", value = """
                    [{"version":1,"kind":"ORIGINAL","agreement":"DISAGREES","contentHash":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                      "issuedAt":"2026-11-21T11:00:00Z","pdf":"/api/reports/5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23/versions/1/pdf"}]""")))
    public List<VersionSummary> versions(@PathParam("id") UUID id) {
        return reports.read(id).versions().stream().map(views::versionSummary).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "One issued version", description = "Everything the version says, as frozen when it was issued.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "version", value = """
                    {"version":2,"kind":"AMENDMENT","reason":"Corrected the follow-up interval.","agreement":"DISAGREES",
                     "contentHash":"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b","issuedAt":"2026-11-22T09:00:00Z",
                     "pdf":"/api/reports/5b1d8a1e-7f60-4b9c-8d0e-2a7c9e4f1b23/versions/2/pdf","content":{}}""")))
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return views.version(reports.version(id, version));
    }

    @GET
    @Path("/{id}/pdf")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "The latest version as PDF", description = "The patient's report in plain words; the footer carries the content hash.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    public Response latestPdf(@PathParam("id") UUID id) {
        return pdf(reports.pdf(id, null), "second-opinion-report.pdf");
    }

    @GET
    @Path("/{id}/versions/{version}/pdf")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "One version as PDF", description = "Any issued version stays readable as a PDF.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    public Response versionPdf(@PathParam("id") UUID id, @PathParam("version") int version) {
        return pdf(reports.pdf(id, version), "second-opinion-report-v" + version + ".pdf");
    }

    @GET
    @Path("/{id}/letters/{letterId}/pdf")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "The letter to the primary provider", description = "As issued (its SHA-256 is in ProviderLetterIssued). "
            + "The patient of the case and the physician may read it.")
    @APIResponse(responseCode = "200", description = "The letter's PDF", content = @Content(mediaType = PDF))
    public Response letterPdf(@PathParam("id") UUID id, @PathParam("letterId") UUID letterId) {
        ProviderLetter letter = reports.letter(id, letterId);
        return pdf(letter.pdf, "letter-to-primary-provider.pdf");
    }

    @POST
    @Path("/{id}/follow-up-questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Ask a follow-up question", description = "After the report was issued the patient may ask a few follow-up "
            + "questions (smo.reports.max-follow-up-questions, default 3); 409 beyond that.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "question", value = """
            {"text":"Can I keep cycling while on the medication?"}""")))
    @APIResponse(responseCode = "201", description = "The question", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "asked", value = """
                    {"id":"0b6f3c1a-2a5e-4d3f-9a51-1f0e6c2d7b44","text":"Can I keep cycling while on the medication?",
                     "askedAt":"2026-11-22T08:00:00Z","answer":null,"answeredAt":null,"answeredInVersion":null}""")))
    @APIResponse(responseCode = "409", description = "The most follow-up questions allowed were already asked")
    public Response ask(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequest request) {
        FollowUpView view = views.followUp(reports.askFollowUp(id, request.text()));
        return Response.created(URI.create("/api/reports/" + id + "/follow-up-questions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}/follow-up-questions")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Operation(summary = "Follow-up questions", description = "The patient's follow-up questions and their answers, oldest first.")
    @APIResponse(responseCode = "200", description = "Questions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "questions", value = """
                    [{"id":"0b6f3c1a-2a5e-4d3f-9a51-1f0e6c2d7b44","text":"Can I keep cycling while on the medication?",
                      "askedAt":"2026-11-22T08:00:00Z","answer":"Yes, at a gentle pace.","answeredAt":"2026-11-23T08:00:00Z","answeredInVersion":2}]""")))
    public List<FollowUpView> followUps(@PathParam("id") UUID id) {
        return reports.followUps(id).stream().map(views::followUp).toList();
    }

    private Response createdVersion(ReportState state) {
        VersionView version = views.version(state.versions().getLast());
        return Response.created(URI.create("/api/reports/" + state.report().id + "/versions/" + version.version()))
                .entity(version).tag(ETags.tag(state.report().version)).build();
    }

    private static Response withTag(Object entity, ReportState state) {
        return Response.ok(entity).tag(ETags.tag(state.report().version)).build();
    }

    private static Response pdf(byte[] bytes, String fileName) {
        return Response.ok(bytes, PDF).header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}

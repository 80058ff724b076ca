package org.secondopinion.reports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.problem.Problem;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.platform.web.QueryParams;
import org.secondopinion.reports.domain.ReviewState;
import org.secondopinion.reports.rest.ReportViews.DraftRequest;
import org.secondopinion.reports.rest.ReportViews.ReportView;
import org.secondopinion.reports.rest.ReviewViews.ReviewDetail;
import org.secondopinion.reports.rest.ReviewViews.ReviewSummary;
import org.secondopinion.reports.service.ReportService.ReportState;
import org.secondopinion.reports.service.ReportService;
import org.secondopinion.reports.service.ReviewService.AssignedReview;
import org.secondopinion.reports.service.ReviewService;

/** The reviewing physician's worklist and reviews. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The reviewing physician's worklist, built from case-service's events")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    ReportService reports;

    @Inject
    ViewMapper views;

    @GET
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "My worklist", description = "The reviews assigned to the signed-in physician (by the NPI in the"
            + " token), soonest due first, a page at a time; optionally only those in one state (READY_FOR_REVIEW: what"
            + " can be written now). A physician who declined a case no longer sees it.")
    @APIResponse(responseCode = "200", description = "One page of the worklist", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "worklist", value = """
                    {"items":[{"caseId":"8c0f6a52-3b0e-4c1e-9a43-5f1d2f9b7e10","state":"READY_FOR_REVIEW","dueAt":"2026-11-28T17:00:00Z",
                      "selectedAt":"2026-11-20T09:12:00Z","specialtyCode":"CARDIOLOGY","subSpecialtyCode":null,"reportId":null}],
                     "page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "An unknown state, or a page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<ReviewSummary> worklist(
            @Parameter(description = "Only reviews in this state", schema = @Schema(implementation = ReviewState.class))
            @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PageView<AssignedReview> found = reviews.worklist(QueryParams.optionalEnum("state", state, ReviewState.class), page, size);
        return new PageView<>(found.items().stream().map(a -> views.summary(a.review(), a.reportId())).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "A review", description = "The case as the reviewer needs it: condition, reasons, questions, the primary "
            + "diagnosis and recommendation, and the documents with their type, checksum and where to download them from case-service. "
            + "Only the assigned physician; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The review", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "review", value = """
                    {"caseId":"8c0f6a52-3b0e-4c1e-9a43-5f1d2f9b7e10","state":"READY_FOR_REVIEW","dueAt":"2026-11-28T17:00:00Z",
                     "conditionDescription":"Chest pain when climbing stairs","reasons":["SURGERY_RECOMMENDED"],
                     "primaryProvider":{"name":"Dr. Example Primary","npi":"1234567893","specialtyCode":"CARDIOLOGY","practiceName":"Example Heart Clinic"},
                     "primaryDiagnosis":"Stable angina","recommendedTreatment":"Coronary bypass","surgeryRecommended":true,
                     "questions":[{"questionId":"q1","text":"Is surgery necessary now?"}],
                     "documents":[{"documentId":"2f7e...","type":"IMAGING","contentType":"application/pdf","sizeBytes":48213,
                       "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","uploadedAt":"2026-11-21T10:00:00Z",
                       "downloadUrl":"http://localhost:8081/api/cases/8c0f6a52-3b0e-4c1e-9a43-5f1d2f9b7e10/documents/2f7e.../content"}],
                     "reportId":null}""")))
    @APIResponse(responseCode = "404", description = "No such review assigned to the caller")
    public ReviewDetail review(@PathParam("caseId") String caseId) {
        ReviewService.AssignedReview assigned = reviews.read(caseId);
        return views.detail(assigned.review(), assigned.reportId());
    }

    @POST
    @Path("/{caseId}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PHYSICIAN)
    @Operation(summary = "Start the report", description = "Creates the report's draft for the case (one report per case). "
            + "The draft may be incomplete; answers must refer to the patient's question ids.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "draft", value = """
            {"physicianCredentials":"MD, board certified in cardiology","recordsReviewed":["Coronary angiogram of 2026-10-02"],
             "agreement":"DISAGREES","diagnosis":"Stable angina, single-vessel disease",
             "recommendedTreatment":"Medical therapy and cardiac rehabilitation","alternatives":["Stent (PCI) if symptoms persist"],
             "surgeryConcurrence":false,"answers":[{"questionId":"q1","answer":"Not at this point."}],
             "differenceExplanation":"The angiogram shows one narrowed vessel; bypass is for multi-vessel disease.",
             "followUpAdvice":"Review in three months with a stress test."}""")))
    @APIResponse(responseCode = "201", description = "The draft, with its ETag and Location")
    @APIResponse(responseCode = "404", description = "No such review assigned to the caller")
    @APIResponse(responseCode = "409", description = "The case already has a report, or was cancelled")
    public Response startReport(@PathParam("caseId") String caseId, @Valid @NotNull DraftRequest request) {
        ReportState state = reports.createDraft(caseId, request.toContent());
        ReportView view = views.report(state, true);
        return Response.created(URI.create("/api/reports/" + view.id())).entity(view).tag(ETags.tag(state.report().version)).build();
    }
}

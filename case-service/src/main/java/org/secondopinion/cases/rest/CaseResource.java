package org.secondopinion.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.cases.domain.CaseDetails;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.service.CaseApi;
import org.secondopinion.cases.service.CaseApi.CaseSummary;
import org.secondopinion.cases.service.CaseApi.CaseView;
import org.secondopinion.cases.service.CaseApi.OverdueCase;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.platform.web.QueryParams;
import org.secondopinion.cases.service.CaseService;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.problem.Problem;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

/** The patient's case over HTTP: drafts, submission, options, selection, the decision, timeline and access log. */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @jakarta.inject.Inject
    CaseService cases;

    @POST
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Cases")
    @Operation(summary = "Create a draft case", description = "Patients only. Everything is optional in a draft; fields"
            + " present must be well formed. Send an Idempotency-Key so that a retried request returns the case it"
            + " created the first time (with Idempotent-Replayed: true) instead of creating another.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseDetails.class),
            examples = @ExampleObject(name = "knee", value = Examples.DRAFT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the case, ETag its version",
            content = @Content(schema = @Schema(implementation = CaseView.class), examples = @ExampleObject(name = "draft", value = Examples.CASE)))
    @APIResponse(responseCode = "400", description = "A field is malformed or unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid CaseDetails details,
            @Parameter(description = "A client-chosen key, unique per intended case (for example a UUID)")
            @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200) String idempotencyKey) {
        CaseService.Created created = cases.create(details, idempotencyKey);
        Response.ResponseBuilder response = Response.created(URI.create("/api/cases/" + created.view().id()))
                .entity(created.view()).tag(ETags.tag(created.view().version()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Tag(name = "Cases")
    @Operation(summary = "List cases", description = "A patient lists their own cases, a physician the cases assigned to"
            + " them, a coordinator every case; newest first, optionally only those in one status. Summaries carry no"
            + " clinical content.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "page", value = Examples.PAGE)))
    public PageView<CaseSummary> list(
            @Parameter(description = "Only cases in this status", schema = @Schema(implementation = CaseStatus.class))
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return cases.list(QueryParams.optionalEnum("status", status, CaseStatus.class), page, size);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed(Roles.COORDINATOR)
    @Tag(name = "Timeline and clocks")
    @Operation(summary = "Cases past their stage's due time", description = "Coordinators only: every case whose"
            + " current stage is overdue, most overdue first.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "overdue", value = Examples.OVERDUE)))
    public PageView<OverdueCase> overdue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return cases.overdue(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN })
    @Tag(name = "Cases")
    @Operation(summary = "Read a case", description = "Its patient, or the physician selected for it (from selection on)."
            + " Anyone else gets 404. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class),
            examples = @ExampleObject(name = "draft", value = Examples.CASE)))
    @APIResponse(responseCode = "404", description = "No such case, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CaseView view = cases.get(id);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Cases")
    @Operation(summary = "Edit a draft", description = "Replaces what the patient recorded. Requires If-Match with the"
            + " ETag last read (428 without, 412 when stale); only drafts can be edited (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseDetails.class),
            examples = @ExampleObject(name = "knee", value = Examples.DRAFT)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class),
            examples = @ExampleObject(name = "draft", value = Examples.CASE)))
    @APIResponse(responseCode = "409", description = "Not a draft any more",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    @APIResponse(responseCode = "412", description = "Changed since read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid CaseDetails details) {
        CaseView view = cases.update(id, ifMatch, details);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Cases")
    @Operation(summary = "Submit a draft", description = "Checks that everything later steps need is there (400 listing"
            + " every missing field otherwise), moves the case to SUBMITTED and publishes CaseSubmitted. If-Match is"
            + " checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Fields missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "missing", value = Examples.MISSING_FIELDS)))
    @APIResponse(responseCode = "409", description = "Not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        CaseView view = cases.submit(id, ifMatch);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR })
    @Tag(name = "Cases")
    @Operation(summary = "Cancel a case", description = "Its patient, or a coordinator, at any stage before the opinion."
            + " A submitted case's cancellation is published as CaseCancelled.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reason", value = "{\"reason\": \"I found a physician myself\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already closed or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response cancel(@PathParam("id") UUID id, @Valid CaseApi.CancelRequest request) {
        CaseView view = cases.cancel(id, request == null ? null : request.reason());
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("/{id}/options")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Options and selection")
    @Operation(summary = "The patient's options", description = "The coverage outcome and the ranked candidates, each"
            + " marked in-network or not with the estimated cost to the patient, why they qualify and their verified"
            + " credentials; and each physician the patient was recommended, with whether they qualify and why not."
            + " Coverage is null, or pending, until the insurer answered.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseApi.OptionsView.class),
            examples = @ExampleObject(name = "covered", value = Examples.OPTIONS)))
    public CaseApi.OptionsView options(@PathParam("id") UUID id) {
        return cases.options(id);
    }

    @POST
    @Path("/{id}/selection")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Options and selection")
    @Operation(summary = "Select a physician", description = "One of the candidates (409 for anyone else, or when the"
            + " options are not ready). The physician's pre-visit requirements become the checklist, always with the"
            + " primary provider's records (MEDICAL_RECORDS). Publishes PhysicianSelected.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "select", value = Examples.SELECTION)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Not a candidate, or options not ready",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response select(@PathParam("id") UUID id, @Valid @NotNull CaseApi.SelectionRequest request) {
        CaseView view = cases.select(id, request.npi());
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @POST
    @Path("/{id}/document-requests")
    @RolesAllowed(Roles.PHYSICIAN)
    @Tag(name = "Documents")
    @Operation(summary = "Ask for more documents", description = "The selected physician only. Adds the types to the"
            + " checklist, moves the case back to AWAITING_RECORDS and publishes DocumentsRequested.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "imaging", value = Examples.DOCUMENTS_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public CaseView requestDocuments(@PathParam("id") UUID id, @Valid @NotNull CaseApi.DocumentsRequest request) {
        return cases.requestDocuments(id, request.types(), request.note());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.PHYSICIAN)
    @Tag(name = "Options and selection")
    @Operation(summary = "Decline the case", description = "The selected physician only, before the opinion. The case"
            + " goes back to OPTIONS_READY and that physician is excluded from its candidates.")
    @APIResponse(responseCode = "204", description = "Declined")
    public void decline(@PathParam("id") UUID id) {
        cases.decline(id);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Opinion and decision")
    @Operation(summary = "Record the patient's decision", description = "After the opinion: stay with the primary"
            + " provider, switch to the second physician, or seek another opinion, which opens a linked draft case"
            + " (pre-filled, excluding every physician who reviewed this one). Closes the case and publishes"
            + " PatientDecisionRecorded.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "another", value = Examples.DECISION)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseApi.DecisionView.class),
            examples = @ExampleObject(name = "another", value = Examples.DECISION_VIEW)))
    @APIResponse(responseCode = "409", description = "No opinion yet, or already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public CaseApi.DecisionView decide(@PathParam("id") UUID id, @Valid @NotNull CaseApi.DecisionRequest request) {
        return cases.decide(id, request.decision());
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Tag(name = "Timeline and clocks")
    @Operation(summary = "The case's timeline", description = "Every stage with when it was entered, when it is due"
            + " and when it was done. The patient, the selected physician and coordinators.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseApi.TimelineView.class),
            examples = @ExampleObject(name = "timeline", value = Examples.TIMELINE)))
    public CaseApi.TimelineView timeline(@PathParam("id") UUID id) {
        return cases.timeline(id);
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.PATIENT)
    @Tag(name = "Timeline and clocks")
    @Operation(summary = "Who accessed my case", description = "The patient only: every read and write of the case and"
            + " its documents, by whom, in which role, when and with what outcome, newest first.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "log", value = Examples.ACCESS_LOG)))
    public PageView<AuditEntry> accessLog(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return cases.accessLog(id, page, size);
    }
}

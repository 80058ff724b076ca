package org.secondopinion.coverage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.coverage.domain.Determination;
import org.secondopinion.coverage.service.EligibilityService;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.PageView;

@Path("/api/eligibility-checks")
@Tag(name = "Eligibility checks", description = "Is a second opinion covered, under which conditions, and what would it cost otherwise")
public class EligibilityCheckResource {

    static final String REQUEST = """
            {"payerId": "ACME", "memberId": "M1000001", "dateOfBirth": "1980-04-02", "specialtyCode": "cardiology",
             "surgeryRecommended": true}""";
    static final String COVERED = """
            {"id": "0b6f6c8e-3f7e-4a53-9d7e-2b1b8f7c1a10", "origin": "CHECK", "caseId": null, "outcome": "COVERED",
             "finalDetermination": true,
             "inputs": {"payerId": "ACME", "memberId": "M1000001", "dateOfBirth": "1980-04-02", "specialtyCode": "cardiology",
                        "surgeryRecommended": true, "dateOfService": "2026-11-21"},
             "planId": "ACME-GOLD", "planName": "Acme Gold PPO", "networks": ["ACME-PPO"], "inNetworkOnly": true,
             "copay": {"amount": 25.00, "currency": "USD"}, "coinsurancePercent": null, "priorAuthorizationRequired": true,
             "selfPayEstimate": {"amount": 450.00, "currency": "USD"},
             "reasons": ["Your plan covers a second opinion because surgery was recommended.", "You pay a copay of USD 25.00.",
                         "Your insurer must authorise the second opinion before it takes place.",
                         "Only physicians in your plan's networks are covered: ACME-PPO."],
             "rule": "benefit-surgery-recommended", "traceNumber": null, "answeredAt": null, "timedOutAt": null,
             "determinedAt": "2026-11-21T10:15:30.123456Z"}""";
    static final String NOT_FOUND = """
            {"id": "5d1c8a2e-8c2b-4e0b-a1f3-6a0c4c9d2e77", "origin": "CHECK", "caseId": null, "outcome": "MEMBER_NOT_FOUND",
             "finalDetermination": true,
             "inputs": {"payerId": "ACME", "memberId": "M1000009", "dateOfBirth": "1980-04-02", "specialtyCode": "cardiology",
                        "surgeryRecommended": false, "dateOfService": "2026-11-21"},
             "planId": null, "planName": null, "networks": [], "inNetworkOnly": false, "copay": null, "coinsurancePercent": null,
             "priorAuthorizationRequired": false, "selfPayEstimate": {"amount": 450.00, "currency": "USD"},
             "reasons": ["No member with this member id and date of birth was found at this insurer. Check both against your insurance card.",
                         "Paying yourself, a second opinion in this specialty costs about USD 450.00."],
             "rule": "member-mismatch", "traceNumber": null, "answeredAt": null, "timedOutAt": null,
             "determinedAt": "2026-11-21T10:15:30.123456Z"}""";

    static final String PENDING = """
            {"id": "9a7c3e51-2d4b-4c8e-b6f0-1e3a5c7d9b24", "origin": "CHECK", "caseId": null, "outcome": "PENDING_INSURER",
             "finalDetermination": false,
             "inputs": {"payerId": "BEACON", "memberId": "BEACON-552019", "dateOfBirth": "1979-09-30",
                        "specialtyCode": "orthopaedic-surgery", "surgeryRecommended": true, "dateOfService": "2026-11-21"},
             "planId": null, "planName": null, "networks": [], "inNetworkOnly": false, "copay": null, "coinsurancePercent": null,
             "priorAuthorizationRequired": false, "selfPayEstimate": {"amount": 650.00, "currency": "USD"},
             "reasons": ["We asked your insurer; the answer will follow."],
             "rule": "insurer-inquiry", "traceNumber": "SMO4F2A9C1B7E3D5A6B8C9D", "answeredAt": null, "timedOutAt": null,
             "determinedAt": "2026-11-21T10:15:30.123456Z"}""";

    @Inject
    EligibilityService eligibility;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR })
    @Operation(summary = "Check coverage before submitting a case", description = """
            Outcomes: COVERED (copay or coinsurance, prior authorisation, networks), NOT_COVERED (why, and the self-pay
            estimate), MEMBER_NOT_FOUND (member id and date of birth do not match, without saying which), COVERAGE_INACTIVE,
            LIMIT_REACHED, or PENDING_INSURER for insurers that answer through events (read it again later).""")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "check", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Determined (also when not covered)",
            content = @Content(mediaType = "application/json", examples = { @ExampleObject(name = "covered", value = COVERED),
                    @ExampleObject(name = "member not found", value = NOT_FOUND),
                    @ExampleObject(name = "pending with an insurer that answers through events", value = PENDING) }))
    @APIResponse(responseCode = "400", description = "Invalid request, or unknown payer")
    public Response check(@Valid @NotNull EligibilityCheckRequest request) {
        Determination d = eligibility.check(request);
        return Response.created(URI.create("/api/eligibility-checks/" + d.id)).entity(DeterminationView.of(d)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Read a determination with its inputs and the rule that decided it",
            description = "A patient reads their own, an insurer its payer's, coordinators all.")
    @APIResponse(responseCode = "200", description = "The determination", content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "covered", value = COVERED)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's")
    public DeterminationView get(@PathParam("id") UUID id) {
        return DeterminationView.of(eligibility.get(id));
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "List determinations", description = "Of one case (caseId), newest first, as far as the caller may see them; a patient without caseId gets their own. Paged.")
    public PageView<DeterminationView> list(@QueryParam("caseId") String caseId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PageView<Determination> found = eligibility.list(caseId, page, size);
        return new PageView<>(found.items().stream().map(DeterminationView::of).toList(), page, size, found.total());
    }
}

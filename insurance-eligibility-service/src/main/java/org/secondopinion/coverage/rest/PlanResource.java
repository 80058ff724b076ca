package org.secondopinion.coverage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.service.CatalogService;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

@Path("/api/plans")
@Tag(name = "Plans", description = "Plans and their second-opinion benefit; insurers manage their own payer's")
public class PlanResource {

    static final String EXAMPLE = """
            {"id": "ACME-GOLD", "payerId": "ACME", "name": "Acme Gold PPO", "benefit": "SURGERY_RECOMMENDED",
             "coveredSpecialties": [], "copay": 25.00, "coinsurancePercent": null, "currency": "USD",
             "priorAuthorizationRequired": true, "networks": ["ACME-PPO"], "inNetworkOnly": true, "yearlyLimit": 2}""";
    static final String LISTED = """
            {"id": "ACME-ONCO", "payerId": "ACME", "name": "Acme Oncology Plus", "benefit": "LISTED_SPECIALTIES",
             "coveredSpecialties": ["oncology", "cardiology"], "copay": null, "coinsurancePercent": 20, "currency": "USD",
             "priorAuthorizationRequired": false, "networks": [], "inNetworkOnly": false, "yearlyLimit": null}""";

    static final String VIEW = """
            {"id": "ACME-GOLD", "payerId": "ACME", "name": "Acme Gold PPO", "benefit": "SURGERY_RECOMMENDED",
             "coveredSpecialties": [], "copay": {"amount": 25.00, "currency": "USD"}, "coinsurancePercent": null,
             "priorAuthorizationRequired": true, "networks": ["ACME-PPO"], "inNetworkOnly": true, "yearlyLimit": 2, "version": 0}""";

    @Inject
    CatalogService catalog;

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Add a plan", description = "Coordinators for any payer; an insurer's client only for its own payer (another payer: 404).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "surgery recommended, copay, in-network", value = EXAMPLE),
            @ExampleObject(name = "listed specialties, coinsurance", value = LISTED) }))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "plan", value = VIEW)))
    @APIResponse(responseCode = "404", description = "Unknown payer, or another insurer's")
    public Response create(@Valid @NotNull PlanRequest request) {
        Plan plan = catalog.createPlan(request);
        return Response.created(URI.create("/api/plans/" + plan.id)).entity(PlanView.of(plan)).tag(ETags.tag(plan.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "List plans, optionally of one payer", description = "An insurer sees only its own payer's plans.")
    public List<PlanView> list(@QueryParam("payerId") String payerId) {
        return catalog.listPlans(payerId).stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Read a plan")
    @APIResponse(responseCode = "200", description = "The plan; ETag for updates",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "plan", value = VIEW)))
    @APIResponse(responseCode = "404", description = "Unknown, or another insurer's plan")
    public Response get(@PathParam("id") String id) {
        Plan plan = catalog.plan(id);
        return Response.ok(PlanView.of(plan)).tag(ETags.tag(plan.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Change a plan's benefit (If-Match required)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "plan", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown, or another insurer's plan")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PlanRequest request) {
        Plan plan = catalog.updatePlan(id, ifMatch, request);
        return Response.ok(PlanView.of(plan)).tag(ETags.tag(plan.version)).build();
    }
}

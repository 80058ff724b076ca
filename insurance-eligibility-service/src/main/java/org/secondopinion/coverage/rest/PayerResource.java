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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.coverage.domain.Payer;
import org.secondopinion.coverage.service.CatalogService;
import org.secondopinion.coverage.service.PayerScope;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

@Path("/api/payers")
@Tag(name = "Payers", description = "Insurers, and whether they answer eligibility through events")
public class PayerResource {

    static final String EXAMPLE = """
            {"id": "ACME", "name": "Acme Health", "answersThroughEvents": false}""";

    @Inject
    CatalogService catalog;

    @Inject
    PayerScope scope;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add a payer (coordinators)")
    @RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "rules kept here", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(@Valid @NotNull PayerRequest request) {
        Payer payer = catalog.createPayer(request);
        return Response.created(URI.create("/api/payers/" + payer.id)).entity(PayerView.of(payer)).tag(ETags.tag(payer.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "List payers", description = "Patients choose their insurer from this list; an insurer sees only its own payer.")
    public List<PayerView> list() {
        return catalog.listPayers().stream().filter(p -> scope.canSee(p.id)).map(PayerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Read a payer")
    @APIResponse(responseCode = "404", description = "Unknown, or another insurer's payer")
    public Response get(@PathParam("id") String id) {
        scope.requireVisible(id, "Payer", id);
        Payer payer = catalog.payer(id);
        return Response.ok(PayerView.of(payer)).tag(ETags.tag(payer.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Change a payer (coordinators; If-Match required)")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PayerRequest request) {
        Payer payer = catalog.updatePayer(id, ifMatch, request);
        return Response.ok(PayerView.of(payer)).tag(ETags.tag(payer.version)).build();
    }
}

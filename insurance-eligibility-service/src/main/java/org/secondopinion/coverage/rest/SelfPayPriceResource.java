package org.secondopinion.coverage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.coverage.service.CatalogService;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

@Path("/api/self-pay-prices")
@Tag(name = "Self-pay prices", description = "What a second opinion costs without coverage, per specialty")
public class SelfPayPriceResource {

    @Inject
    CatalogService catalog;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "The self-pay price list")
    public List<SelfPayPriceView> list() {
        return catalog.listPrices().stream().map(SelfPayPriceView::of).toList();
    }

    @PUT
    @Path("/{specialtyCode}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Set the self-pay price of a specialty (coordinators)",
            description = "Creates the price, or changes it with If-Match.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "price", value = """
            {"amount": 450.00, "currency": "USD"}""")))
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing when changing an existing price")
    public Response put(@PathParam("specialtyCode") @Pattern(regexp = "[a-z0-9_-]{1,60}", message = "must be a specialty code") String specialtyCode,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SelfPayPriceRequest request) {
        SelfPayPrice price = catalog.putPrice(specialtyCode, ifMatch, request);
        return Response.ok(SelfPayPriceView.of(price)).tag(ETags.tag(price.version)).build();
    }
}

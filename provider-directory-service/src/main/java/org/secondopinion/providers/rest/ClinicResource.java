package org.secondopinion.providers.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.providers.rest.dto.ClinicRequest;
import org.secondopinion.providers.rest.dto.ClinicView;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.providers.service.ClinicService;

@Path("/api/clinics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clinics", description = "Clinic locations and the clinic locator")
public class ClinicResource {

    static final String CREATE_EXAMPLE = """
            {"name":"Lakeside Heart Center","address":"100 Example Ave","city":"Chicago","stateCode":"IL",
             "latitude":41.8781,"longitude":-87.6298}""";
    static final String NEAR_EXAMPLE = """
            {"items":[{"id":"2b1f0c8e-55aa-4c1e-9d3e-0a8f2c7b6e11","name":"Lakeside Heart Center","address":"100 Example Ave",
              "city":"Chicago","stateCode":"IL","latitude":41.8781,"longitude":-87.6298,"distanceKm":3.2}],
             "page":0,"size":20,"total":1}""";

    @Inject
    ClinicService clinics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add a clinic location (coordinators)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "clinic", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid clinic")
    public Response create(@Valid @NotNull ClinicRequest request) {
        ClinicView view = clinics.create(request);
        return Response.created(URI.create("/api/clinics/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "One clinic")
    @APIResponse(responseCode = "200", description = "The clinic")
    @APIResponse(responseCode = "404", description = "No such clinic")
    public ClinicView get(@PathParam("id") UUID id) {
        return clinics.get(id);
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Clinics near a point", description = "Clinics within radiusKm of (lat, lon), nearest first, each with its great-circle distance; optionally only clinics where a physician of a specialty or sub-specialty works.")
    @APIResponse(responseCode = "200", description = "A page of clinics, nearest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "near Chicago", value = NEAR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing or out-of-range point or radius")
    public PageView<ClinicView> near(
            @Parameter(example = "41.8781") @QueryParam("lat") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Parameter(example = "-87.6298") @QueryParam("lon") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(example = "25") @QueryParam("radiusKm") @DefaultValue("25") @DecimalMin("0") @DecimalMax("5000") double radiusKm,
            @Parameter(example = "cardiology") @QueryParam("specialty") String specialty,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return clinics.near(lat, lon, radiusKm, specialty, page, size);
    }
}

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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;
import org.secondopinion.providers.rest.dto.CertificationView;
import org.secondopinion.platform.web.PageView;
import org.secondopinion.providers.rest.dto.PhysicianRequest;
import org.secondopinion.providers.rest.dto.PhysicianSummary;
import org.secondopinion.providers.rest.dto.PhysicianView;
import org.secondopinion.providers.rest.dto.SuitabilityRequest;
import org.secondopinion.providers.rest.dto.SuitabilityView;
import org.secondopinion.providers.service.CredentialVerification;
import org.secondopinion.providers.service.MatchingService;
import org.secondopinion.providers.service.PhysicianSearch;
import org.secondopinion.providers.service.PhysicianService;

@Path("/api/physicians")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Physicians", description = "The physician directory, search, verification and suitability")
public class PhysicianResource {

    static final String PHYSICIAN_EXAMPLE = """
            {"npi":"9000000017","firstName":"Robin","lastName":"Example","specialties":["cardiology"],
             "subSpecialties":["interventional-cardiology"],"yearsInPractice":14,
             "medicalSchools":["Example University School of Medicine"],"hospitalAffiliations":["Example General Hospital"],
             "practiceName":"Lakeside Heart Group","practiceNpi":"9100000016",
             "clinicIds":["2b1f0c8e-55aa-4c1e-9d3e-0a8f2c7b6e11"],"networks":["EXAMPLE-PPO"],"languages":["en","es"],
             "licensedStates":["IL","WI"],"telehealth":true,"telehealthStates":["IN"],"acceptingSecondOpinions":true,
             "requiredDocuments":["IMAGING","LAB_RESULTS"],"referralLetterRequired":true,
             "boardCertifications":[{"board":"American Board of Internal Medicine","specialtyCode":"cardiology",
               "subSpecialtyCode":"interventional-cardiology","status":"CERTIFIED","certifiedSince":"2015-07-01",
               "validUntil":"2027-12-31"}]}""";
    static final String SEARCH_EXAMPLE = """
            {"items":[{"npi":"9000000017","name":"Dr. Robin Example","specialties":["cardiology"],
              "subSpecialties":["interventional-cardiology"],"yearsInPractice":14,"networks":["EXAMPLE-PPO"],
              "languages":["en","es"],"hospitalAffiliations":["Example General Hospital"],"telehealth":true,
              "acceptingSecondOpinions":true,"verifiedCertifications":["interventional-cardiology"],"distanceKm":3.2,
              "nearestClinic":{"id":"2b1f0c8e-55aa-4c1e-9d3e-0a8f2c7b6e11","name":"Lakeside Heart Center",
                "address":"100 Example Ave","city":"Chicago","stateCode":"IL","latitude":41.8781,"longitude":-87.6298,
                "distanceKm":3.2}}],"page":0,"size":20,"total":1}""";
    static final String SUITABILITY_REQUEST = """
            {"area":{"specialtyCode":"cardiology","subSpecialtyCode":"interventional-cardiology"},
             "primaryProvider":{"npi":"9000000025","specialtyCode":"cardiology","subSpecialtyCode":null,
               "practiceName":"Example Heart Clinic","practiceNpi":null},
             "stateCode":"IL","latitude":41.88,"longitude":-87.63,"excludedPhysicianNpis":[]}""";
    static final String SUITABILITY_RESPONSE = """
            {"npi":"9000000017","name":"Dr. Robin Example","inDirectory":true,"qualifies":false,
             "reasons":[{"code":"SAME_PRACTICE","message":"same practice as your physician"},
                        {"code":"CERTIFICATION_NOT_VERIFIED","message":"certification not verified"}],
             "why":[],"distanceKm":3.2}""";

    @Inject
    PhysicianService physicians;

    @Inject
    PhysicianSearch search;

    @Inject
    CredentialVerification verification;

    @Inject
    MatchingService matching;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Add a physician (coordinators)",
            description = "The NPI must be 10 digits with a valid Luhn check digit (prefix 80840) and unique. Claimed certifications are verified against the board feeds by the scheduled job, or at once with POST /api/physicians/{npi}/verifications.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "physician", value = PHYSICIAN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag carries its version")
    @APIResponse(responseCode = "400", description = "Invalid NPI or other field")
    @APIResponse(responseCode = "409", description = "The NPI is already in the directory")
    public Response create(@Valid @NotNull PhysicianRequest request) {
        PhysicianView view = physicians.create(request);
        return Response.created(URI.create("/api/physicians/" + view.npi())).entity(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @Path("/{npi}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "One physician, with every certification and how it was verified")
    @APIResponse(responseCode = "200", description = "The physician; ETag carries its version")
    @APIResponse(responseCode = "404", description = "Not in the directory")
    public Response get(@PathParam("npi") String npi) {
        PhysicianView view = physicians.get(npi);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PUT
    @Path("/{npi}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Replace a physician (coordinators)", description = "Needs If-Match with the ETag last read. A changed certification claim must be verified again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "physician", value = PHYSICIAN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag carries the new version")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "Not in the directory")
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response replace(@PathParam("npi") String npi, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PhysicianRequest request) {
        PhysicianView view = physicians.replace(npi, ifMatch, request);
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Search physicians",
            description = "Filters by specialty, sub-specialty, network, language, affiliation (hospital or medical school) and accepting second opinions; with lat and lon, the distance to the physician's nearest clinic, optionally within radiusKm. Sorted by distance (the default with a point) or relevance (verified certification in the area, experience, then distance).")
    @APIResponse(responseCode = "200", description = "A page of physicians",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cardiologists near Chicago", value = SEARCH_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Inconsistent parameters (for example a radius without a point)")
    public PageView<PhysicianSummary> search(
            @Parameter(example = "cardiology") @QueryParam("specialty") String specialty,
            @Parameter(example = "interventional-cardiology") @QueryParam("subSpecialty") String subSpecialty,
            @Parameter(example = "EXAMPLE-PPO") @QueryParam("network") String network,
            @Parameter(example = "es") @QueryParam("language") String language,
            @Parameter(example = "Example General Hospital") @QueryParam("affiliation") String affiliation,
            @QueryParam("accepting") Boolean accepting,
            @Parameter(example = "41.8781") @QueryParam("lat") @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Parameter(example = "-87.6298") @QueryParam("lon") @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(example = "50") @QueryParam("radiusKm") @DecimalMin("0") @DecimalMax("5000") Double radiusKm,
            @Parameter(description = "distance or relevance") @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PhysicianSearch.SortOrder order = null;
        if (sort != null && !sort.isBlank()) {
            try {
                order = PhysicianSearch.SortOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("sort must be distance or relevance.");
            }
        }
        return search.search(new PhysicianSearch.Criteria(blank(specialty), blank(subSpecialty), blank(network), blank(language),
                blank(affiliation), accepting, lat, lon, radiusKm, order, page, size));
    }

    @POST
    @Path("/{npi}/verifications")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Verify a physician's certifications now (coordinators)",
            description = "Checks every claimed certification against the primary source and records outcome, source, time and next due date; a change publishes PhysicianCredentialsChanged.")
    @APIResponse(responseCode = "200", description = "The certifications with their new verification")
    @APIResponse(responseCode = "404", description = "Not in the directory")
    public List<CertificationView> verify(@PathParam("npi") String npi) {
        return verification.verifyPhysician(npi);
    }

    @POST
    @Path("/{npi}/suitability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Would this physician qualify for my case?",
            description = "Applies the matching rules to one physician (for example one recommended by family or a hospital) before the case is submitted, and answers with every reason they do not qualify, or why they do.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "case", value = SUITABILITY_REQUEST)))
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "does not qualify", value = SUITABILITY_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid NPI or case")
    public SuitabilityView suitability(@PathParam("npi") String npi, @Valid @NotNull SuitabilityRequest request) {
        return matching.suitability(npi, request);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

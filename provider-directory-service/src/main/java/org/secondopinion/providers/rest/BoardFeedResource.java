package org.secondopinion.providers.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.providers.rest.dto.ImportReport;
import org.secondopinion.providers.service.BoardFeedImporter;

@Path("/api/board-feeds")
@Tag(name = "Credential verification", description = "Board certification feeds and verification")
public class BoardFeedResource {

    static final String CSV_EXAMPLE = """
            npi,board,specialty,sub_specialty,status,certified_since,valid_until
            9000000017,American Board of Internal Medicine,cardiology,interventional-cardiology,CERTIFIED,2015-07-01,2027-12-31
            9000000025,American Board of Internal Medicine,cardiology,,EXPIRED,2004-07-01,2024-12-31
            """;
    static final String REPORT_EXAMPLE = """
            {"source":"ABIM feed 2026-11","imported":2,"rejected":[{"line":4,"reason":"npi is not a valid NPI"}],
             "certificationsMarkedDue":3}""";

    @Inject
    BoardFeedImporter importer;

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Import a board's certification feed (coordinators)",
            description = "CSV with the header npi,board,specialty,sub_specialty,status,certified_since,valid_until. Good rows are kept; each malformed row is reported with its line number. The certifications of the physicians named become due for re-verification.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "feed", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was imported and what was refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty feed or wrong header")
    public ImportReport importFeed(@Parameter(description = "The primary source's name, shown to patients", example = "ABIM feed 2026-11")
            @QueryParam("source") String source, String csv) {
        return importer.importCsv(csv, source);
    }
}

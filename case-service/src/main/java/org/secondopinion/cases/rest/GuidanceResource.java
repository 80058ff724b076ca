package org.secondopinion.cases.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.cases.service.GuidanceService;
import org.secondopinion.cases.service.GuidanceService.Assessment;
import org.secondopinion.cases.service.GuidanceService.AssessmentRequest;

/** "Should I get a second opinion?" */
@Path("/api/guidance")
@Tag(name = "Guidance")
public class GuidanceResource {

    @Inject
    GuidanceService guidance;

    @POST
    @Path("/assessment")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Should I get a second opinion?", description = "Anyone signed in. Answers how strongly a second"
            + " opinion is advised, why, and the next steps in order, in plain words. It never refuses: a second"
            + " opinion is the patient's right. Nothing is stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentRequest.class),
            examples = @ExampleObject(name = "surgery", value = Examples.ASSESSMENT_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Assessment.class),
            examples = @ExampleObject(name = "strongly", value = Examples.ASSESSMENT)))
    public Assessment assess(@Valid @NotNull AssessmentRequest request) {
        return guidance.assess(request);
    }
}

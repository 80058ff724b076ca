package org.secondopinion.coverage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.service.MemberService;
import org.secondopinion.coverage.service.PayerScope;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

@Path("/api/members")
@Tag(name = "Members", description = "Payers' members; insurers manage their own payer's, including roster imports")
public class MemberResource {

    static final String EXAMPLE = """
            {"payerId": "ACME", "memberId": "M1000001", "planId": "ACME-GOLD", "firstName": "Jane",
             "lastName": "Testperson", "dateOfBirth": "1980-04-02", "coverageStart": "2026-01-01", "coverageEnd": null}""";
    static final String ROSTER = """
            member_id,plan_id,first_name,last_name,date_of_birth,coverage_start,coverage_end
            M1000001,ACME-GOLD,Jane,Testperson,1980-04-02,2026-01-01,
            M1000002,ACME-GOLD,John,Sampleton,1975-09-17,2025-01-01,2026-12-31
            """;

    static final String VIEW = """
            {"id": "3c9e7a10-5b2d-4f8e-9a61-0d4c2b7e8f13", "payerId": "ACME", "memberId": "M1000001", "planId": "ACME-GOLD",
             "firstName": "Jane", "lastName": "Testperson", "dateOfBirth": "1980-04-02", "coverageStart": "2026-01-01",
             "coverageEnd": null, "version": 0}""";
    static final String ROSTER_RESULT = """
            {"created": 1, "updated": 1, "rejected": [{"line": 3, "message": "plan_id is not a plan of this payer."},
             {"line": 4, "message": "Expected 7 columns, found 3."}]}""";

    @Inject
    MemberService members;

    @Inject
    PayerScope scope;

    @POST
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Add a member", description = "An insurer's client only for its own payer (another payer: 404).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "member", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "member", value = VIEW)))
    @APIResponse(responseCode = "404", description = "Unknown payer, or another insurer's")
    @APIResponse(responseCode = "409", description = "The payer already has this member id")
    public Response create(@Valid @NotNull MemberRequest request) {
        Member member = members.create(request);
        return Response.created(URI.create("/api/members/" + member.id)).entity(MemberView.of(member)).tag(ETags.tag(member.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Find a payer's members", description = "By payer (an insurer's own by default) and optionally member id.")
    public List<MemberView> search(@QueryParam("payerId") String payerId, @QueryParam("memberId") String memberId) {
        return members.search(payerId, memberId).stream().map(MemberView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Read a member")
    @APIResponse(responseCode = "200", description = "The member; ETag for updates",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "member", value = VIEW)))
    @APIResponse(responseCode = "404", description = "Unknown, or another insurer's member")
    public Response get(@PathParam("id") UUID id) {
        Member member = members.get(id);
        return Response.ok(MemberView.of(member)).tag(ETags.tag(member.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Change a member's plan, name, date of birth or coverage dates (If-Match required)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "member", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown, or another insurer's member")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MemberRequest request) {
        Member member = members.update(id, ifMatch, request);
        return Response.ok(MemberView.of(member)).tag(ETags.tag(member.version)).build();
    }

    @POST
    @Path("/roster")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.COORDINATOR, Roles.INSURER })
    @Operation(summary = "Import a payer's roster (CSV)", description = """
            Header: member_id,plan_id,first_name,last_name,date_of_birth,coverage_start,coverage_end (dates YYYY-MM-DD,
            coverage_end may be empty). Each valid row creates or updates the member with that member id; each malformed
            row is reported by its line number and the others are kept. At most 50,000 rows per import.""")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "roster", value = ROSTER)))
    @APIResponse(responseCode = "200", description = "Imported; rejected rows listed by line",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "result", value = ROSTER_RESULT)))
    @APIResponse(responseCode = "400", description = "Empty roster, wrong header, or no payer named")
    @APIResponse(responseCode = "404", description = "Unknown payer, or another insurer's")
    public RosterImportResult importRoster(@QueryParam("payerId") String payerId, @Size(max = 20_000_000) String csv) {
        String payer = payerId != null ? payerId : scope.restriction()
                .orElseThrow(() -> ApiException.badRequest("Name the payer (payerId)."));
        return members.importRoster(payer, csv);
    }
}

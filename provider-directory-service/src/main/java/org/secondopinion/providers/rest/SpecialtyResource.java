package org.secondopinion.providers.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.providers.domain.Specialty;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.rest.dto.SpecialtyView;

/** The specialty taxonomy (ABMS member boards' specialties and sub-specialties): reference data, not audited. */
@Path("/api/specialties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Specialties", description = "The taxonomy of specialties and sub-specialties")
public class SpecialtyResource {

    static final String EXAMPLE = """
            [{"code":"obstetrics-and-gynecology","name":"Obstetrics and Gynecology",
              "board":"American Board of Obstetrics and Gynecology","parentCode":null,
              "subSpecialties":[{"code":"reproductive-endocrinology-and-infertility",
                "name":"Reproductive Endocrinology and Infertility","board":"American Board of Obstetrics and Gynecology",
                "parentCode":"obstetrics-and-gynecology","subSpecialties":[]}]}]""";

    @Inject
    SpecialtyRepository specialties;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Transactional
    @Operation(summary = "List specialties with their sub-specialties")
    @APIResponse(responseCode = "200", description = "Every specialty, each with its sub-specialties",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "taxonomy", value = EXAMPLE)))
    public List<SpecialtyView> list() {
        List<Specialty> all = specialties.allOrdered();
        return all.stream().filter(s -> !s.isSubSpecialty()).map(s -> view(s, all)).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR, Roles.INSURER })
    @Transactional
    @Operation(summary = "One specialty or sub-specialty")
    @APIResponse(responseCode = "200", description = "The specialty")
    @APIResponse(responseCode = "404", description = "No such code")
    public SpecialtyView get(@PathParam("code") String code) {
        Specialty s = specialties.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("Specialty", code));
        return view(s, specialties.allOrdered());
    }

    private static SpecialtyView view(Specialty s, List<Specialty> all) {
        List<SpecialtyView> subs = all.stream().filter(x -> s.code.equals(x.parentCode))
                .map(x -> new SpecialtyView(x.code, x.name, x.board, x.parentCode, List.of())).toList();
        return new SpecialtyView(s.code, s.name, s.board, s.parentCode, subs);
    }
}

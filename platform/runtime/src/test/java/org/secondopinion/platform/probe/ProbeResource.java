package org.secondopinion.platform.probe;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;
import org.secondopinion.platform.web.ETags;

/** Endpoints that exercise the platform the way services do: validation, outbox, audit, ETags, roles. */
@Path("/api/probe")
public class ProbeResource {

    public record NoteRequest(@NotBlank @Size(max = 500) String text,
            @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi) {
    }

    public record NoteView(UUID id, String text, long version) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** When set, refused reads wait for each other here, each holding its database connection. */
    private static volatile CyclicBarrier refusalsMeet;

    /** Makes the next {@code parties} refused reads wait until all of them hold a connection; 0 stops it. */
    public static void refusalsMeet(int parties) {
        refusalsMeet = parties > 0 ? new CyclicBarrier(parties) : null;
    }

    /** Creates a note and publishes an event about it; {@code fail=true} fails after both, to prove the rollback. */
    @POST
    @Path("/notes")
    @RolesAllowed(Roles.PATIENT)
    @Transactional
    public Response create(@Valid NoteRequest request, @QueryParam("fail") boolean fail) {
        ProbeNote note = new ProbeNote();
        note.id = UUID.randomUUID();
        note.owner = caller.subject();
        note.text = request.text();
        entityManager.persist(note);
        publisher.publish(ProbeEvents.cancelled(note.id.toString(), caller.subject()));
        audit.record("CREATE", "probe-note", note.id, caller.subject());
        if (fail) {
            throw new IllegalStateException("failure after the event was written, for patient " + request.text());
        }
        return Response.created(URI.create("/api/probe/notes/" + note.id)).entity(new NoteView(note.id, note.text, note.version))
                .tag(ETags.tag(note.version)).build();
    }

    @GET
    @Path("/notes/{id}")
    @RolesAllowed(Roles.PATIENT)
    @Transactional
    public Response read(@PathParam("id") UUID id) {
        ProbeNote note = entityManager.find(ProbeNote.class, id);
        if (note == null || !note.owner.equals(caller.subject())) {
            CyclicBarrier meet = refusalsMeet;
            if (meet != null) {
                try {
                    meet.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("The refused reads did not all arrive", e);
                }
            }
            ApiException refusal = ApiException.notFound("Note", id);
            throw note == null ? refusal : refusal.auditedAsDenied("READ", "probe-note", id, note.owner);
        }
        audit.record("READ", "probe-note", id, note.owner);
        return Response.ok(new NoteView(note.id, note.text, note.version)).tag(ETags.tag(note.version)).build();
    }

    @PUT
    @Path("/notes/{id}")
    @RolesAllowed(Roles.PATIENT)
    @Transactional
    public NoteView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
        ProbeNote note = entityManager.find(ProbeNote.class, id);
        if (note == null || !note.owner.equals(caller.subject())) {
            throw ApiException.notFound("Note", id);
        }
        ETags.requireMatch(ifMatch, note.version);
        note.text = request.text();
        entityManager.flush();
        audit.record("UPDATE", "probe-note", id, note.owner);
        return new NoteView(note.id, note.text, note.version);
    }

    @POST
    @Path("/notes/{id}/archive")
    @RolesAllowed(Roles.PATIENT)
    public void archive(@PathParam("id") UUID id) {
        throw ApiException.conflict("A draft note cannot be archived.");
    }

    @GET
    @Path("/coordinators-only")
    @RolesAllowed(Roles.COORDINATOR)
    public String coordinatorsOnly() {
        return "ok";
    }

    @GET
    @Path("/whoami")
    @RolesAllowed({ Roles.PHYSICIAN, Roles.INSURER, Roles.PATIENT, Roles.COORDINATOR })
    public String whoami() {
        return caller.subject() + "|" + caller.primaryRole() + "|" + caller.npi().orElse("-") + "|" + caller.payer().orElse("-");
    }

    @GET
    @Path("/public")
    @PermitAll
    public String open() {
        return "open";
    }

    /** Declares no access rule: the platform must deny it. */
    @GET
    @Path("/undeclared")
    public String undeclared() {
        return "should never be served";
    }
}

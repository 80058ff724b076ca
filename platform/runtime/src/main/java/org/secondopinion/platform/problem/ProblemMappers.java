package org.secondopinion.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.web.RequestId;

/**
 * Every error becomes RFC 9457 problem details. Bodies and logs carry no stack traces and no request
 * content: a problem names the field and the rule, never the value, because values are health data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestId requestId;

    @Inject
    UriInfo uriInfo;

    @Inject
    Request request;

    @Inject
    AuditLog audit;

    /**
     * A refusal marked {@link ApiException#auditedAsDenied} is recorded here: the request's transaction has
     * ended (rolled back) and its connection is back in the pool, so the record takes a connection of its own.
     */
    @ServerExceptionMapper
    public Uni<Response> api(ApiException e) {
        Response answer = problem(e.status(), e.title(), e.getMessage(), e.errors());
        ApiException.Denial denial = e.denial();
        if (denial == null) {
            return Uni.createFrom().item(answer);
        }
        return afterAudit(answer, () -> audit.recordDenied(denial.action(), denial.resourceType(), denial.resourceId(),
                denial.patientId()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "Invalid request", "Some fields are missing or invalid.", errors);
    }

    /**
     * Jackson's own mappers answer these with a plain JSON body; ours is registered for the same, more
     * specific types so that every client sees problem details.
     */
    @ServerExceptionMapper({ MismatchedInputException.class, JsonParseException.class, JsonProcessingException.class })
    public Response unreadableJson(JsonProcessingException e) {
        if (isSyntaxError(e)) {
            return problem(400, "Malformed JSON", "The request body is not well-formed JSON.", List.of());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem(400, "Invalid request", "The request has a property this endpoint does not know.",
                    List.of(new Problem.FieldError(path(unknown), "unknown property")));
        }
        if (e instanceof JsonMappingException mapping) {
            return problem(400, "Invalid request", "A property has a value of the wrong type or format.",
                    List.of(new Problem.FieldError(path(mapping), "wrong type or format")));
        }
        return problem(400, "Malformed JSON", "The request body is not well-formed JSON.", List.of());
    }

    /** Whether the body is not JSON at all (as opposed to JSON of the wrong shape). */
    private static boolean isSyntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    /**
     * A role refused by an endpoint's access rule ({@code @RolesAllowed}) before any service code ran:
     * audited here, as the method and path the caller tried (the services audit their own refusals,
     * which name the resource and the patient).
     */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e) {
        Response refused = problem(403, "Forbidden", "Your role may not do this.", List.of());
        String method = request.getMethod();
        String path = uriInfo.getPath();
        return afterAudit(refused, () -> audit.recordDenied(method, AuditLog.ENDPOINT, path, null));
    }

    /**
     * Answers once the refusal is audited, on a worker thread: an access rule is checked on the I/O thread,
     * which must not wait for the database. A refusal that could not be recorded is answered 500, as any
     * other failure to record an access.
     */
    private Uni<Response> afterAudit(Response answer, Runnable record) {
        return Uni.createFrom().item(() -> {
            record.run();
            return answer;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).onFailure().recoverWithItem(this::unexpected);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e) {
        return problem(409, "Concurrent change", "Someone else changed this at the same moment. Read it again and retry.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus wraps a body it could not parse in a 400 WebApplicationException.
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request refused";
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "This address does not accept that content type.";
            default -> title + ".";
        };
        return problem(status, title, detail, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        // The message of an unexpected exception may quote data (SQL values, JSON); log only its kind and place.
        LOG.errorf("Unexpected %s in request %s at %s", chain(e), requestId.value(), firstFrame(e));
        return problem(500, "Internal error", "Something went wrong on our side. Quote the request id when you contact support.",
                List.of());
    }

    private Response unauthenticated() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(body(401, "Unauthorized", "Sign in: send a valid bearer token.", List.of()))
                .build();
    }

    private Response problem(int status, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body(status, title, detail, errors)).build();
    }

    private Problem body(int status, String title, String detail, List<Problem.FieldError> errors) {
        String type = "https://secondopinion.example/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Problem(type, title, status, detail, uriInfo.getPath(), requestId.value(), errors);
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        // Method validation paths look like "create.request.primaryProvider.npi": drop method and parameter.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : path;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "(body)" : path;
    }

    private static String chain(Throwable e) {
        StringBuilder kinds = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            kinds.append(" <- ").append(cause.getClass().getName());
        }
        return kinds.toString();
    }

    private static String firstFrame(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "unknown" : trace[0].toString();
    }
}

package org.secondopinion.platform.problem;

import java.util.List;

/**
 * An error a client caused or can act on, answered as problem details with its status. Its detail is
 * shown to the client, so it must never contain health data.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private Denial denial;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400 with every refused field. */
    public static ApiException invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiException(400, "Invalid request", detail, errors);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Invalid request", detail);
    }

    /** 404; also the answer when the caller may not know the resource exists. */
    public static ApiException notFound(String resource, Object id) {
        return new ApiException(404, "Not found", resource + " " + id + " was not found.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    /** 409 for a request that the resource's current state does not allow, such as an invalid transition. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    /**
     * Marks this refusal as an access denied to a patient's resource: it is audited (outcome DENIED) when it is
     * answered, in a transaction of its own after the request's has ended. So the record is kept although the
     * request's transaction rolls back, and writing it never needs a second database connection while the
     * request still holds one (a pool full of refused requests would otherwise wait on itself).
     *
     * @param patientId whose resource it is; null when it belongs to no patient
     */
    public ApiException auditedAsDenied(String action, String resourceType, Object resourceId, String patientId) {
        this.denial = new Denial(action, resourceType, String.valueOf(resourceId), patientId);
        return this;
    }

    /** The access this refusal denied, to be audited; null when it is not an access denial. */
    public Denial denial() {
        return denial;
    }

    /** What {@link #auditedAsDenied} records. */
    public record Denial(String action, String resourceType, String resourceId, String patientId) {
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

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

package org.secondopinion.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body, served as {@value #MEDIA_TYPE}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary that does not change between occurrences
 * @param status the HTTP status code
 * @param detail what went wrong this time, in words a user can act on; never health data
 * @param instance the request path
 * @param requestId the request id, also in the {@code X-Request-Id} response header
 * @param errors for validation problems: each field and why it was refused
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field: its path in the request (for example {@code primaryProvider.npi}) and why. */
    public record FieldError(String field, String message) {
    }
}

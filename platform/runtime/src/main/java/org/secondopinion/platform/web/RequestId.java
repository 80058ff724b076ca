package org.secondopinion.platform.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the current HTTP request: the caller's {@code X-Request-Id} when it is well formed,
 * otherwise a new one. It is echoed in the response, written to audit records and problem details,
 * so that a support request can be traced without any health data.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private String value;

    void assign(String fromHeader) {
        value = fromHeader != null && ACCEPTED.matcher(fromHeader).matches() ? fromHeader : UUID.randomUUID().toString();
    }

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }
}

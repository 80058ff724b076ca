package org.secondopinion.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem;

/**
 * Query parameters read by hand where JAX-RS would answer a bad value with 404 (its rule for a query
 * parameter it cannot convert): a filter's unknown value is the client's mistake, a 400 naming the
 * parameter and what it accepts.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The constant named by {@code value} (any case, surrounding blanks ignored), or null when absent or blank. */
    public static <E extends Enum<E>> E optionalEnum(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Unknown " + parameter + ".", List.of(new Problem.FieldError(parameter,
                    "must be one of " + Arrays.toString(type.getEnumConstants()))));
        }
    }
}

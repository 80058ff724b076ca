package org.secondopinion.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the launcher's environment variables. */
final class Env {

    /** A service's database and the role that owns it; the password comes from {@code SMO_PG_PASSWORD_<ROLE>}. */
    record Database(String name, String role, String password) {
    }

    private Env() {
    }

    static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    static Optional<String> optional(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static int port(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    /** {@code SMO_PG_DATABASES}: space-separated {@code database:role} pairs, for example {@code cases:cases}. */
    static List<Database> databases() {
        List<Database> databases = new ArrayList<>();
        for (String pair : required("SMO_PG_DATABASES").trim().split("\\s+")) {
            String[] parts = pair.split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[a-z_][a-z0-9_]*") || !parts[1].matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("SMO_PG_DATABASES: expected database:role, got " + pair);
            }
            String password = required("SMO_PG_PASSWORD_" + parts[1].toUpperCase(Locale.ROOT));
            databases.add(new Database(parts[0], parts[1], password));
        }
        return databases;
    }
}

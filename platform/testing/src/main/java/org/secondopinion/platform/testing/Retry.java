package org.secondopinion.platform.testing;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Starting a test server can fail for reasons that have nothing to do with the code under test: the
 * embedded servers choose a free port and bind it a few seconds later, and on a busy machine (the test
 * command runs two modules at once) another process may take it in between. Such a start is tried
 * again, up to three times; the last failure is what the test run reports.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int ATTEMPTS = 3;

    private Retry() {
    }

    static <T> T starting(String what, Supplier<T> start) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return start.get();
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf(e, "%s did not start (attempt %d of %d)", what, attempt, ATTEMPTS);
            }
        }
        throw last;
    }
}

package org.secondopinion.platform.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Runs outside {@code @Transactional} (whose interceptor has priority {@code PLATFORM_BEFORE + 200}), so
 * each attempt is a transaction of its own: the failed one has rolled back, inbox record included.
 */
@RetryTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryTransientInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryTransientInterceptor.class);
    static final int ATTEMPTS = 4;
    private static final long FIRST_PAUSE_MILLIS = 100;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1;; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                // The exception's type only: its message may quote the event's data.
                LOG.warnf("%s failed transiently (%s, attempt %d of %d); trying again in %d ms",
                        invocation.getMethod().getName(), e.getClass().getSimpleName(), attempt, ATTEMPTS, pause);
                Thread.sleep(pause);
                pause *= 3;
            }
        }
    }

    /** Whether the failure, or one of its causes, is one that the same work may not meet again. */
    static boolean isTransient(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OptimisticLockException || e instanceof StaleStateException
                    || e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 40: serialization failure, deadlock; 08: connection; 57P01-03: server shutting down or restarting;
                // 55P03: lock not available; 53: insufficient resources (too many connections).
                if (state.startsWith("40") || state.startsWith("08") || state.startsWith("57P") || state.equals("55P03")
                        || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }
}

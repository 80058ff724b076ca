package org.secondopinion.platform.messaging;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an event consumer's {@code @Incoming @Transactional} method: a failure that a later attempt can
 * get past (a deadlock, a serialization failure, a lost database connection, a lock timeout, a
 * concurrent update) runs the method again in a new transaction, up to four attempts in about two
 * seconds, before the record is given up to the dead-letter topic. Any other failure goes there at once.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RetryTransient {
}

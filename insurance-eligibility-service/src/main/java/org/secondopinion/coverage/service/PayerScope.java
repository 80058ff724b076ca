package org.secondopinion.coverage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;

/** An insurer's machine client sees only its own payer's data; anything else answers 404, as if it did not exist. */
@ApplicationScoped
public class PayerScope {

    @Inject
    Caller caller;

    /** The one payer the caller may touch, or empty for a coordinator (all payers). */
    public Optional<String> restriction() {
        if (caller.hasRole(Roles.COORDINATOR) || !caller.hasRole(Roles.INSURER)) {
            return Optional.empty();
        }
        return Optional.of(caller.requirePayer());
    }

    public boolean canSee(String payerId) {
        return restriction().map(own -> own.equals(payerId)).orElse(true);
    }

    /** 404 for a resource of another payer. */
    public void requireVisible(String payerId, String resource, Object id) {
        if (!canSee(payerId)) {
            throw ApiException.notFound(resource, id);
        }
    }
}

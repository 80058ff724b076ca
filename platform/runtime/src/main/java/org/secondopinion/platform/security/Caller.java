package org.secondopinion.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.secondopinion.platform.problem.ApiException;

/**
 * Who is calling, in one place: the token's subject, roles, the NPI claim of a physician and the
 * payer claim of an insurer. Services ask this bean instead of reading tokens themselves.
 */
@RequestScoped
public class Caller {

    /** The claim that carries a physician's National Provider Identifier. */
    public static final String NPI_CLAIM = "npi";
    /** The claim that carries the payer an insurer's client acts for. */
    public static final String PAYER_CLAIM = "payer";

    /** Most privileged first: the role recorded in the audit log when a caller has several. */
    private static final List<String> ROLE_ORDER = List.of(Roles.COORDINATOR, Roles.PHYSICIAN, Roles.INSURER, Roles.PATIENT);

    @Inject
    SecurityIdentity identity;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The token's subject: the stable id of the user or client. */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's main role, for audit records: coordinator, physician, insurer, patient or none. */
    public String primaryRole() {
        return ROLE_ORDER.stream().filter(identity::hasRole).findFirst().orElse("none");
    }

    public Optional<String> npi() {
        return claim(NPI_CLAIM);
    }

    /** The physician's NPI; 403 when a physician's token carries none. */
    public String requireNpi() {
        return npi().orElseThrow(() -> ApiException.forbidden("The token carries no NPI claim."));
    }

    public Optional<String> payer() {
        return claim(PAYER_CLAIM);
    }

    /** The insurer's payer; 403 when an insurer's token carries none. */
    public String requirePayer() {
        return payer().orElseThrow(() -> ApiException.forbidden("The token carries no payer claim."));
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value.toString().replace("\"", "").trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }
}

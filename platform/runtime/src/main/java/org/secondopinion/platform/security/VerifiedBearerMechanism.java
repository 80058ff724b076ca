package org.secondopinion.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Asked before quarkus-oidc's mechanism: a request whose {@code Authorization: Bearer} token quarkus-oidc
 * verified before, and which has not expired since, is answered with the identity kept in
 * {@link VerifiedTokens}. Any other request (no token, another scheme, a token not seen or changed in any
 * byte) gets no answer here and goes on to quarkus-oidc, which verifies it, challenges it or refuses it.
 *
 * <p>Why a mechanism and not an identity provider: before quarkus-oidc's mechanism hands a token to the
 * identity providers, it decodes the token's payload to tell a JWT from an opaque token and runs its
 * tenant resolution, on every request (case-service's benchmark: 6.7 % of the CPU samples of a flight
 * recording; the service allocated ~63 KB a request with it, ~55 KB without). A token known here skips all of that.
 */
@ApplicationScoped
public class VerifiedBearerMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";

    @Inject
    VerifiedTokens verified;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(verified.find(header.substring(SCHEME.length()).trim()));
    }

    /** No challenge of its own: quarkus-oidc's (401 with {@code WWW-Authenticate: Bearer}) is the one sent. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    /** The tokens it answers for are bearer tokens, which quarkus-oidc's identity provider verifies. */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}

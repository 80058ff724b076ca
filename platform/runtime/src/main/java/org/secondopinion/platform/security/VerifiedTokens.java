package org.secondopinion.platform.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens whose signature and claims quarkus-oidc has verified, with the identity it built, so
 * that a client's next requests with the same token skip the RS256 verification (measured before: about
 * 15 % of a service's CPU). Keyed by the whole token: a token changed in any byte is another key and is verified
 * afresh. An entry lasts until the token expires, at most five minutes (a signing key that the
 * provider withdraws stops being trusted within that time), and the cache holds at most 2,000 tokens.
 * The identity kept has the token's principal, roles, credentials and attributes, but not the first
 * request's routing context. {@link VerifiedTokenRecorder} fills it, {@link VerifiedBearerMechanism} answers
 * from it.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int CAPACITY = 2_000;
    static final long MAX_MILLIS = 5 * 60 * 1000;

    private record Entry(SecurityIdentity identity, long validUntil) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The identity verified earlier for this token, or null when there is none or the token has expired since. */
    SecurityIdentity find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (System.currentTimeMillis() >= entry.validUntil()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** Keeps an identity that quarkus-oidc has just verified from a bearer token. */
    void remember(SecurityIdentity identity) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        String token = credential.getToken();
        long now = System.currentTimeMillis();
        long validUntil = Math.min(jwt.getExpirationTime() * 1000, now + MAX_MILLIS);
        if (validUntil <= now) {
            return;
        }
        if (entries.size() >= CAPACITY) {
            entries.values().removeIf(entry -> entry.validUntil() <= now);
            if (entries.size() >= CAPACITY) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(withoutRequest(identity), validUntil));
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.build();
    }
}

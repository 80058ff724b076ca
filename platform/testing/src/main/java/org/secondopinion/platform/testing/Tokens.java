package org.secondopinion.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Real signed access tokens for tests, one line each: {@code Tokens.patient("pat-1")}. They are RS256
 * tokens signed with the test OIDC provider's private key, carrying roles in {@code groups} as the
 * project's Keycloak realm does, and the {@code npi} or {@code payer} claim where the role needs one.
 */
public final class Tokens {

    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String patient(String subject) {
        return token(subject, Set.of("patient")).sign();
    }

    public static String physician(String subject, String npi) {
        return token(subject, Set.of("physician")).claim("npi", npi).sign();
    }

    public static String coordinator(String subject) {
        return token(subject, Set.of("coordinator")).sign();
    }

    /** An insurer's machine client acting for {@code payerId}. */
    public static String insurer(String clientId, String payerId) {
        return token(clientId, Set.of("insurer")).claim("payer", payerId).sign();
    }

    /** A token with any roles, for access-rule tests. */
    public static String withRoles(String subject, String... roles) {
        return token(subject, Set.of(roles)).sign();
    }

    /**
     * A forged token: a valid one whose payload was changed after signing to claim the coordinator
     * role, keeping the original signature, which no longer matches.
     */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"groups\":\\[[^]]*]", "\"groups\":[\"coordinator\"]");
        if (forged.equals(payload)) {
            throw new IllegalArgumentException("The token has no groups claim to forge");
        }
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + encoded + "." + parts[2];
    }

    /** A valid token that expires {@code lifetime} from now. */
    public static String expiringIn(Duration lifetime, String subject, String... roles) {
        return Jwt.issuer(TestOidc.ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .expiresIn(lifetime).jws().keyId("1").sign(SIGNING_KEY);
    }

    /** An otherwise valid token that expired an hour ago. */
    public static String expired(String subject, String... roles) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(TestOidc.ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .issuedAt(issued).expiresAt(issued.plus(Duration.ofHours(1)))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    private static Signer token(String subject, Set<String> roles) {
        return new Signer(Jwt.issuer(TestOidc.ISSUER)
                .subject(subject)
                .preferredUserName(subject)
                .groups(roles)
                .expiresIn(Duration.ofHours(1)));
    }

    private record Signer(JwtClaimsBuilder claims) {
        Signer claim(String name, String value) {
            claims.claim(name, value);
            return this;
        }

        String sign() {
            return claims.jws().keyId("1").sign(SIGNING_KEY);
        }
    }
}

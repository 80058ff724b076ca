package org.secondopinion.platform.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * An OIDC provider for tests: WireMock serves discovery and the signing keys, so quarkus-oidc verifies
 * every token's RS256 signature for real. {@link Tokens} signs tokens with the matching private key.
 */
final class TestOidc {

    static final String ISSUER = "https://server.example.com";
    private static OidcWiremockTestResource server;
    private static Map<String, String> config;

    private TestOidc() {
    }

    static synchronized Map<String, String> start() {
        if (config == null) {
            server = new OidcWiremockTestResource();
            Map<String, String> started = server.start();
            Map<String, String> result = new HashMap<>();
            result.put("quarkus.oidc.auth-server-url", started.get("keycloak.url") + "/realms/quarkus");
            result.put("quarkus.oidc.token.issuer", ISSUER);
            result.put("quarkus.oidc.client-id", "smo-api");
            config = Map.copyOf(result);
        }
        return config;
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            config = null;
        }
    }
}

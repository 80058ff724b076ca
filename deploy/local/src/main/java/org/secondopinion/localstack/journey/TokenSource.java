package org.secondopinion.localstack.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak, as the apps get them: demo users through the local-only client
 * {@code smo-cli} (password grant, dev password {@code <user>-demo-password}), insurer clients through the client
 * credentials grant with their generated secrets. Tokens are reused until shortly before they expire.
 */
public final class TokenSource {

    private record Cached(String token, Instant renewAt) {
    }

    private final StackEndpoints stack;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public TokenSource(StackEndpoints stack, HttpClient http) {
        this.stack = stack;
        this.http = http;
    }

    /** An access token for a demo user ({@code alice}, {@code dr-grey}, ...) or an insurer client ({@code insurer-acme}). */
    public String token(String who) {
        Cached cached = cache.get(who);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.token();
        }
        String form;
        if (who.startsWith("insurer-")) {
            String var = "SMO_" + who.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
            String secret = stack.credentials().get(var);
            if (secret == null) {
                throw new IllegalStateException("no secret " + var + " in " + stack.credentialsFile());
            }
            form = "grant_type=client_credentials&client_id=" + enc(who) + "&client_secret=" + enc(secret);
        } else {
            form = "grant_type=password&client_id=smo-cli&scope=openid&username=" + enc(who) + "&password="
                    + enc(who + "-demo-password");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak gave no token for " + who + " (HTTP " + response.statusCode() + ": "
                        + body.path("error_description").asText(body.path("error").asText()) + ")");
            }
            long lifetime = body.path("expires_in").asLong(60);
            Cached fresh = new Cached(body.get("access_token").asText(), Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
            cache.put(who, fresh);
            return fresh.token();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + stack.keycloakUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

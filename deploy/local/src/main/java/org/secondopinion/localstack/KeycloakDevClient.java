package org.secondopinion.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@code smo-cli}, a local-only public client with the password grant, in the local Keycloak's realm, so
 * that {@code ./smo token USER} can get a demo user's token for curl. Its protocol mappers are copied from the apps'
 * client {@code smo-app}, so its tokens carry the same claims ({@code groups}, {@code aud} smo-api, {@code npi}).
 *
 * <p>It is created through the admin API with the local bootstrap administrator, never written into
 * {@code deploy/realm/}: the shared realm (Kubernetes too) has no client that accepts passwords.
 *
 * <p>Environment: {@code SMO_KEYCLOAK_URL} (http://localhost:8180), {@code SMO_KEYCLOAK_ADMIN},
 * {@code SMO_KEYCLOAK_ADMIN_PASSWORD}.
 */
final class KeycloakDevClient {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakDevClient.class);
    static final String REALM = "second-opinion";
    static final String CLIENT_ID = "smo-cli";
    private static final String TEMPLATE_CLIENT_ID = "smo-app";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    private KeycloakDevClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static void ensure() throws IOException, InterruptedException {
        new KeycloakDevClient(Env.optional("SMO_KEYCLOAK_URL").orElse("http://localhost:8180")).run();
    }

    private void run() throws IOException, InterruptedException {
        String token = adminToken(Env.required("SMO_KEYCLOAK_ADMIN"), Env.required("SMO_KEYCLOAK_ADMIN_PASSWORD"));
        String clients = baseUrl + "/admin/realms/" + REALM + "/clients";
        if (json.readTree(get(clients + "?clientId=" + CLIENT_ID, token)).size() > 0) {
            LOG.info("Keycloak: client {} is already registered", CLIENT_ID);
            return;
        }
        JsonNode template = json.readTree(get(clients + "?clientId=" + TEMPLATE_CLIENT_ID, token)).path(0);
        if (template.isMissingNode()) {
            throw new IllegalStateException("client " + TEMPLATE_CLIENT_ID + " is not in realm " + REALM);
        }
        ObjectNode client = json.createObjectNode()
                .put("clientId", CLIENT_ID)
                .put("name", "Local command line (./smo token); local stack only")
                .put("description", "Created by ./smo up in the local Keycloak only; never part of deploy/realm.")
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", true)
                .put("serviceAccountsEnabled", false);
        ArrayNode mappers = client.putArray("protocolMappers");
        for (JsonNode mapper : template.path("protocolMappers")) {
            ObjectNode copy = mapper.deepCopy();
            copy.remove("id");
            mappers.add(copy);
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(clients))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating client " + CLIENT_ID + " answered HTTP " + created.statusCode());
        }
        LOG.info("Keycloak: registered the local-only client {} ({} mappers copied from {})", CLIENT_ID, mappers.size(),
                TEMPLATE_CLIENT_ID);
    }

    private String adminToken(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(user) + "&password=" + encode(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the local administrator (HTTP " + response.statusCode()
                    + "); was its data created with other credentials? rm -rf .smo/data/keycloak resets it");
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

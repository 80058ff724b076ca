package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/realm/second-opinion-realm.json is the one realm, for the local stack and for Kubernetes. The
 * KeycloakRealmImport carries a generated copy of it; this test fails when the two differ and, run with
 * {@code -Dsmo.realm.write=true}, regenerates the copy. It also checks what the services rely on in the tokens.
 */
class RealmFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REALM = Overlays.DEPLOY.resolve("realm/second-opinion-realm.json");
    private static final Path DEMO_USERS = Overlays.DEPLOY.resolve("realm/second-opinion-demo-users.json");
    private static final Path REALM_IMPORT = Overlays.K8S.resolve("platform/keycloak/realm-import.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Set<String> ROLES = Set.of("patient", "physician", "coordinator", "insurer");

    @Test
    void theRealmImportCarriesTheRealmFile() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        JsonNode realmImport = Kustomize.YAML.readTree(REALM_IMPORT.toFile());
        if (Boolean.getBoolean("smo.realm.write")) {
            ((ObjectNode) realmImport.path("spec")).set("realm", realm);
            String header = Files.readString(REALM_IMPORT).lines().takeWhile(l -> l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n");
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
            Files.writeString(REALM_IMPORT, header + yaml.writeValueAsString(realmImport));
            realmImport = Kustomize.YAML.readTree(REALM_IMPORT.toFile());
        }
        assertEquals(realm, realmImport.path("spec").path("realm"),
                REALM_IMPORT + " differs from " + REALM + ": run ./mvnw -pl deploy test -Dsmo.realm.write=true");
        // Every ${PLACEHOLDER} of the realm is fed from a Secret by the operator, and nothing else is.
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(REALM));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> fed = new TreeSet<>();
        realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(fed::add);
        assertEquals(used, fed, "placeholders of " + REALM_IMPORT);
    }

    @Test
    void rolesAreTheFourAndReachTheGroupsClaim() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertEquals("second-opinion", realm.path("realm").asText());
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(ROLES, roles);
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertTrue(hasMapper(client, "oidc-usermodel-realm-role-mapper", "claim.name", "groups"), id + ": roles not in groups");
            assertTrue(hasMapper(client, "oidc-audience-mapper", "included.custom.audience", "smo-api"), id + ": no smo-api audience");
        }
    }

    @Test
    void theAppIsAPublicClientWithPkce() throws IOException {
        JsonNode app = client(JSON.readTree(REALM.toFile()), "smo-app");
        assertTrue(app.path("publicClient").asBoolean());
        assertFalse(app.has("secret"));
        assertTrue(app.path("standardFlowEnabled").asBoolean());
        assertFalse(app.path("implicitFlowEnabled").asBoolean(true));
        assertFalse(app.path("directAccessGrantsEnabled").asBoolean(true), "no password grant for the app");
        assertEquals("S256", app.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(hasMapper(app, "oidc-usermodel-attribute-mapper", "claim.name", "npi"), "physicians' npi claim");
    }

    @Test
    void insurersAreMachineClientsWithTheirPayerAndNoSecretInTheFile() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        for (String[] insurer : new String[][] {{"insurer-acme", "ACME"}, {"insurer-beacon", "BEACON"}}) {
            JsonNode client = client(realm, insurer[0]);
            assertFalse(client.path("publicClient").asBoolean(true));
            assertTrue(client.path("serviceAccountsEnabled").asBoolean());
            assertFalse(client.path("standardFlowEnabled").asBoolean(true));
            assertTrue(PLACEHOLDER.matcher(client.path("secret").asText()).matches(),
                    insurer[0] + ": the secret must be a ${...} placeholder, not a value");
            assertTrue(hasMapper(client, "oidc-hardcoded-claim-mapper", "claim.value", insurer[1]), insurer[0] + ": payer");
            boolean insurerRole = false;
            for (JsonNode user : realm.path("users")) {
                if (user.path("serviceAccountClientId").asText().equals(insurer[0])) {
                    insurerRole = user.path("realmRoles").toString().contains("\"insurer\"");
                }
            }
            assertTrue(insurerRole, insurer[0] + "'s service account lacks the insurer role");
        }
    }

    @Test
    void theProductionRealmHasNoPeopleAndNoPasswords() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "a person in the production realm: " + user.path("username"));
            assertFalse(user.has("credentials"), user.path("username").asText());
        }
        assertFalse(Files.readString(REALM).contains("\"credentials\""));
    }

    @Test
    void demoUsersAreASeparateUsersFile() throws IOException {
        JsonNode demo = JSON.readTree(DEMO_USERS.toFile());
        assertEquals(Set.of("realm", "users"), fieldNames(demo), "a users file holds only the realm's name and users");
        assertEquals("second-opinion", demo.path("realm").asText());
        Set<String> rolesUsed = new TreeSet<>();
        for (JsonNode user : demo.path("users")) {
            user.path("realmRoles").forEach(r -> rolesUsed.add(r.asText()));
            if (user.path("realmRoles").toString().contains("\"physician\"")) {
                assertTrue(user.path("attributes").path("npi").path(0).asText().matches("[0-9]{10}"),
                        user.path("username") + ": a physician needs a ten-digit npi");
            }
        }
        assertEquals(Set.of("patient", "physician", "coordinator"), rolesUsed);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static boolean hasMapper(JsonNode client, String type, String key, String value) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals(type) && mapper.path("config").path(key).asText().equals(value)
                    && mapper.path("config").path("access.token.claim").asText().equals("true")) {
                return true;
            }
        }
        return false;
    }

}

package org.secondopinion.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The set of configuration keys is derived from the services' files, so it accepts theirs and nothing made up. */
class ConfigKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID", "SMO_OUTBOX_BATCH_SIZE", "JAVA_TOOL_OPTIONS"})
    void readsWhatTheServicesRead(String key) {
        for (String service : Overlays.SERVICES) {
            assertTrue(ConfigKeys.of(Overlays.REPO, service).reads(key), service + " " + key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUARKUS_DATASOURCE_JDBC_URLX", "QUARKUS_OIDC_AUTH_SERVER_URI", "KAFKA_SASL_JAAS_CONFIGX",
            "KAFKA_BOOTSTRAP_SERVER", "DATABASE_URL", "SMO_OUTBOX_BATCHSIZE"})
    void refusesMadeUpKeys(String key) {
        for (String service : Overlays.SERVICES) {
            assertFalse(ConfigKeys.of(Overlays.REPO, service).reads(key), service + " " + key);
        }
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("QUARKUS_OIDC_CLIENT_ID", ConfigKeys.envName("quarkus.oidc.client-id"));
        assertEquals("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", ConfigKeys.envName("mp.messaging.connector.smallrye-kafka.group.id"));
    }
}

package org.secondopinion.deploy;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables a service reads, derived from its configuration: every key of its
 * application.properties and of the platform's microprofile-config.properties under its environment-variable name
 * (MicroProfile Config: upper case, every character that is not a letter or digit becomes '_'); the Kafka client's
 * own configuration names as KAFKA_ variables (Quarkus hands every kafka.* key, so KAFKA_SASL_JAAS_CONFIG too, to
 * the Kafka clients and the outbox relay); and the few keys below that a service reads without a default in its
 * files because their values are secrets or belong to the JVM.
 */
final class ConfigKeys {

    /** Read by the services with no value in the repository, by design. */
    private static final Set<String> WITHOUT_DEFAULT = Set.of(
            // quarkus-datasource: the database password, from the CloudNativePG Secret.
            "quarkus.datasource.password");

    /** Read by the JVM itself, not by Quarkus. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    private final Set<String> names;

    private ConfigKeys(Set<String> names) {
        this.names = names;
    }

    /** The variables {@code service} reads, from the repository at {@code repo}. */
    static ConfigKeys of(Path repo, String service) {
        Set<String> names = new TreeSet<>(JVM);
        Path serviceProperties = repo.resolve(service).resolve("src/main/resources/application.properties");
        Path platformProperties = repo.resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties");
        for (Path file : new Path[] {serviceProperties, platformProperties}) {
            for (String key : keys(file)) {
                names.add(envName(key));
            }
        }
        WITHOUT_DEFAULT.forEach(key -> names.add(envName(key)));
        Set<String> kafka = new HashSet<>();
        kafka.addAll(ProducerConfig.configNames());
        kafka.addAll(ConsumerConfig.configNames());
        kafka.addAll(AdminClientConfig.configNames());
        kafka.forEach(key -> names.add(envName("kafka." + key)));
        return new ConfigKeys(names);
    }

    boolean reads(String environmentVariable) {
        return names.contains(environmentVariable);
    }

    /** A key's value as a service starts with no environment: its application.properties over the platform's defaults. */
    static Optional<String> value(Path repo, String service, String key) {
        for (Path file : new Path[] {repo.resolve(service).resolve("src/main/resources/application.properties"),
                repo.resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties")}) {
            String value = properties(file).getProperty(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static String envName(String key) {
        StringBuilder env = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString().toUpperCase(Locale.ROOT);
    }

    private static Set<String> keys(Path file) {
        return properties(file).stringPropertyNames();
    }

    private static Properties properties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("configuration file missing: " + file);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}

package org.secondopinion.platform.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker for tests: a single KRaft node in-process, from Kafka's own server jars,
 * started once per test JVM; or the external broker named by {@code SMO_TEST_KAFKA_BOOTSTRAP}.
 * The in-process broker can be stopped and restarted on the same port with its data, to prove that
 * a broker outage delays events without losing them.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;
    private static Path logDir;
    private static String bootstrapServers;

    private TestKafka() {
    }

    static synchronized Map<String, String> start() {
        if (bootstrapServers == null) {
            String external = System.getenv("SMO_TEST_KAFKA_BOOTSTRAP");
            if (external != null && !external.isBlank()) {
                bootstrapServers = external;
            } else {
                bootstrapServers = Retry.starting("Kafka broker", TestKafka::startEmbedded);
            }
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    /** Starts a broker on ports that were free a moment ago; a port taken meanwhile makes it fail, and it is tried again. */
    private static String startEmbedded() {
        int port = freePort();
        Path dir;
        try {
            dir = Files.createTempDirectory("smo-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            broker = newBroker(port, dir);
        } catch (RuntimeException e) {
            try {
                TempDirectories.delete(dir);
            } catch (UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        logDir = dir;
        return "localhost:" + port;
    }

    private static EmbeddedKafkaBroker newBroker(int port, Path dir) {
        return withBrokerClassLoader(() -> new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(port)
                .withControllerPort(freePort())
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", dir.toString());
                    // Several partitions, as in production, so that ordering by key is really exercised.
                    props.put("num.partitions", "3");
                    props.put("auto.create.topics.enable", "true");
                    // A consumer group forms at once instead of after the default 3 s wait.
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start());
    }

    public static String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the tests run their own broker, which {@link #stopBroker()} can stop. */
    public static boolean isEmbedded() {
        return broker != null;
    }

    /** Stops the in-process broker, keeping its port and data for {@link #startBroker()}. */
    public static synchronized void stopBroker() {
        requireEmbedded();
        broker.close();
    }

    /** Starts the in-process broker again on the same port, with the data it had. */
    public static synchronized void startBroker() {
        requireEmbedded();
        withBrokerClassLoader(broker::start);
    }

    /**
     * Stops the in-process broker and deletes its data (kept across {@link #stopBroker()}, so only here): a
     * benchmark's messages are hundreds of megabytes, which would otherwise pile up in the temporary directory
     * run after run.
     */
    static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (logDir != null) {
            TempDirectories.delete(logDir);
            logDir = null;
        }
        bootstrapServers = null;
    }

    /**
     * Kafka loads plugins through the thread's context class loader; in a Quarkus test that is
     * Quarkus's own loader, which sees other copies of Kafka's classes. The broker and the threads it
     * starts must use the loader that loaded Kafka.
     */
    private static <T> T withBrokerClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafkaBroker.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void requireEmbedded() {
        if (broker == null) {
            throw new IllegalStateException("An external broker (SMO_TEST_KAFKA_BOOTSTRAP) cannot be stopped by a test");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

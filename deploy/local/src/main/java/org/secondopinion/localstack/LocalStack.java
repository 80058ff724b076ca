package org.secondopinion.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-machine stack's launcher, run by {@code ./smo up} as separate processes so that each can be watched,
 * measured and stopped on its own:
 *
 * <ul>
 *   <li>{@code postgres}: embedded PostgreSQL (real binaries) on a kept data directory, with a database and role
 *       per service; stays up until the process is stopped (SIGTERM).</li>
 *   <li>{@code provision-postgres}: the same databases and roles on an external server, then exits.</li>
 *   <li>{@code kafka}: a single-node KRaft broker (combined controller and broker) on a kept data directory, with
 *       the platform's topics and dead-letter topics; stays up until stopped.</li>
 *   <li>{@code keycloak-dev-client}: registers the local-only client {@code smo-cli} that {@code ./smo token} uses,
 *       then exits.</li>
 *   <li>{@code demo}: the whole journey through the HTTP APIs ({@code ./smo demo}), then exits.</li>
 * </ul>
 *
 * Configuration comes from environment variables (see each class), never from arguments, so that passwords do not
 * show in {@code ps}. A process that is ready writes the file named by {@code SMO_READY_FILE} and removes it when it
 * stops.
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar local-stack.jar postgres|provision-postgres|kafka|keycloak-dev-client|demo");
            System.exit(2);
        }
        try {
            switch (args[0]) {
                case "postgres" -> runUntilStopped(LocalPostgres.start(Env.databases()));
                case "provision-postgres" -> LocalPostgres.provisionExternal(Env.databases());
                case "kafka" -> runUntilStopped(LocalKafka.start());
                case "keycloak-dev-client" -> KeycloakDevClient.ensure();
                case "demo" -> org.secondopinion.localstack.journey.DemoJourney.main();
                default -> {
                    System.err.println("unknown command: " + args[0]);
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            LOG.error("{} failed: {}", args[0], e.toString());
            System.exit(1);
        }
    }

    /** Marks the component ready, then keeps the JVM alive until SIGTERM/SIGINT, when it stops the component. */
    private static void runUntilStopped(AutoCloseable component) throws IOException, InterruptedException {
        Path ready = Env.optional("SMO_READY_FILE").map(Path::of).orElse(null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (ready != null) {
                    Files.deleteIfExists(ready);
                }
                component.close();
            } catch (Exception e) {
                LOG.warn("stopping: {}", e.toString());
            } finally {
                stopped.countDown();
            }
        }, "local-stack-stop"));
        // Unpacking PostgreSQL's binaries or starting the broker needed heap that the idle process does not:
        // give it back (with -XX:+UseSerialGC and a MaxHeapFreeRatio, a full collection shrinks the heap).
        System.gc();
        if (ready != null) {
            Files.createDirectories(ready.toAbsolutePath().getParent());
            Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        }
        stopped.await();
    }
}

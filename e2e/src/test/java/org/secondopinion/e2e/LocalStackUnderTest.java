package org.secondopinion.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.secondopinion.localstack.journey.DemoJourney;
import org.secondopinion.localstack.journey.Journey;
import org.secondopinion.localstack.journey.StackEndpoints;

/**
 * The local stack, started once for the whole module with {@code ./smo up -d --no-build} (the jars this reactor has
 * just packaged), in its own {@code SMO_HOME} under target/ and with a port offset, and stopped with
 * {@code ./smo down} when the last test class is done (a JUnit root-store resource).
 */
public final class LocalStackUnderTest implements ExtensionContext.Store.CloseableResource {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);

    /** What {@code ./smo} printed and how it ended. */
    public record SmoRun(int exitCode, List<String> lines, long millis) {
    }

    private final Path root;
    private final Path home;
    private final int offset;
    private final StackEndpoints endpoints;
    private final Journey journey;
    private DemoJourney.Outcome demo;

    private LocalStackUnderTest(Path root, Path home, int offset) {
        this.root = root;
        this.home = home;
        this.offset = offset;
        this.endpoints = StackEndpoints.local(offset, home);
        this.journey = new Journey(endpoints, line -> System.out.println("    [journey] " + line));
    }

    static LocalStackUnderTest start() {
        Path root = Path.of(System.getProperty("smo.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("smo.home", "target/smo")).toAbsolutePath().normalize();
        int offset = Integer.parseInt(System.getProperty("smo.port-offset", "10000"));
        LocalStackUnderTest stack = new LocalStackUnderTest(root, home, offset);
        // A stack left behind by an interrupted earlier run of these tests would make ./smo up refuse to start.
        stack.smo(Duration.ofMinutes(2), "down");
        // The services' data and the broker's start empty on every run (so counts such as ACME's two second opinions
        // a year hold); Keycloak's data and the generated credentials are kept, so a rerun skips the realm import.
        deleteTree(home.resolve("data/postgres"));
        deleteTree(home.resolve("data/kafka"));
        SmoRun up = stack.smo(UP_TIMEOUT, "up", "-d", "--no-build");
        if (up.exitCode() != 0) {
            stack.close();
            throw new IllegalStateException("./smo up failed (exit " + up.exitCode() + "); see " + home.resolve("logs"));
        }
        System.out.printf("e2e: ./smo up to ready: %.1f s (SMO_HOME %s, port offset %d)%n", up.millis() / 1000.0, home, offset);
        System.out.println("e2e: memory per component (./smo status, MiB):");
        stack.smo(Duration.ofSeconds(30), "status");
        return stack;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public Journey journey() {
        return journey;
    }

    /** The demo's journey, run once and shared by the tests that check its outcome or read its case. */
    public synchronized DemoJourney.Outcome demo() throws IOException {
        if (demo == null) {
            demo = DemoJourney.run(journey, home.resolve("demo"), line -> System.out.println("    [demo] " + line));
        }
        return demo;
    }

    public void stopKafka() {
        SmoRun run = smo(Duration.ofMinutes(1), "stop", "kafka");
        if (run.exitCode() != 0) {
            throw new IllegalStateException("./smo stop kafka failed");
        }
    }

    public void startKafka() {
        SmoRun run = smo(Duration.ofMinutes(3), "start", "kafka");
        if (run.exitCode() != 0) {
            throw new IllegalStateException("./smo start kafka failed");
        }
    }

    @Override
    public void close() {
        smo(Duration.ofMinutes(3), "down");
    }

    /** Runs {@code ./smo ARGS} with this stack's SMO_HOME and port offset, echoing its output. */
    public SmoRun smo(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("smo").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("SMO_HOME", home.toString());
        builder.environment().put("SMO_PORT_OFFSET", Integer.toString(offset));
        // No class-data-sharing archives: written when the services stop, they would only cost time in a test run.
        builder.environment().put("SMO_CDS", "false");
        long started = System.nanoTime();
        List<String> lines = new ArrayList<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        System.out.println("    [smo " + args[0] + "] " + line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("./smo " + String.join(" ", args) + " did not finish within " + timeout);
            }
            reader.join(5000);
            synchronized (lines) {
                return new SmoRun(process.exitValue(), List.copyOf(lines), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

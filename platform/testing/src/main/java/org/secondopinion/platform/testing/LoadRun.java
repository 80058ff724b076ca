package org.secondopinion.platform.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * The one load generator of the services' benchmarks: a number of clients, each on its own HTTP/1.1
 * connection sending requests one after the other (as phones and front ends do, only faster), first for
 * a warm-up (just-in-time compilation, pools, caches) that is thrown away, then for the measured time.
 * Every request is timed under a label; {@link Result#table()} prints throughput and p50/p90/p99/max
 * per label. Benchmarks print figures and assert only that requests succeeded: they are not timed tests.
 */
public final class LoadRun {

    /** One client's loop body: one iteration of the scenario, each request sent (and timed) through {@code client}. */
    @FunctionalInterface
    public interface Scenario {
        void iteration(Client client) throws Exception;
    }

    /** Builds each client's scenario: {@code client} is 0..clients-1, e.g. to give each its own token. */
    @FunctionalInterface
    public interface ScenarioFactory {
        Scenario create(int client) throws Exception;
    }

    private final int clients;
    private final Duration warmUp;
    private final Duration measured;

    public LoadRun(int clients, Duration warmUp, Duration measured) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** Settings from system properties {@code bench.clients}, {@code bench.warmup-seconds}, {@code bench.seconds}. */
    public static LoadRun fromSystemProperties(int warmUpSeconds, int seconds) {
        return new LoadRun(Integer.getInteger("bench.clients", 8),
                Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", warmUpSeconds)),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", seconds)));
    }

    public int clients() {
        return clients;
    }

    /** The warm-up, thrown away, then one measured time. */
    public Result run(URI base, ScenarioFactory factory) throws Exception {
        warmUp(base, factory);
        return measure(base, factory);
    }

    /** Load for the warm-up time, measured but thrown away. */
    public void warmUp(URI base, ScenarioFactory factory) throws Exception {
        drive(base, factory, warmUp);
    }

    /** Load for the measured time (after {@link #warmUp}), and what it measured. */
    public Result measure(URI base, ScenarioFactory factory) throws Exception {
        return drive(base, factory, measured);
    }

    private Result drive(URI base, ScenarioFactory factory, Duration duration) throws Exception {
        long[] cpuBefore = HostCpu.read();
        double serviceCpuBefore = ServiceCpu.seconds();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Client>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Scenario scenario = factory.create(i);
                futures.add(pool.submit(() -> {
                    try (Client client = new Client(base)) {
                        while (System.nanoTime() < end) {
                            scenario.iteration(client);
                            client.iterations++;
                        }
                        return client;
                    }
                }));
            }
            Map<String, List<long[]>> byLabel = new LinkedHashMap<>();
            long iterations = 0;
            for (Future<Client> future : futures) {
                Client done = future.get();
                iterations += done.iterations;
                done.samples.forEach((label, samples) -> byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(samples.toArray()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> latencies = new LinkedHashMap<>();
            byLabel.forEach((label, parts) -> {
                long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                latencies.put(label, all);
            });
            double serviceCpuAfter = ServiceCpu.seconds();
            return new Result(clients, seconds, iterations, latencies, HostCpu.stolenPercent(cpuBefore, HostCpu.read()),
                    serviceCpuBefore < 0 || serviceCpuAfter < 0 ? -1 : serviceCpuAfter - serviceCpuBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A client: one keep-alive HTTP/1.1 connection on a plain socket, and the latencies it measured. The
     * connection is written and read directly (no asynchronous client machinery), so that the load
     * generator, which shares the machine with the service and the database, costs as little CPU as it can.
     */
    public static final class Client implements AutoCloseable {
        private final URI base;
        private final Map<String, LongList> samples = new LinkedHashMap<>();
        private long iterations;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        Client(URI base) {
            this.base = base;
        }

        /** Sends {@code request}, records its latency under {@code label}, and insists on {@code expectedStatus}. */
        public Response send(String label, Request request, int expectedStatus) throws IOException {
            long t0 = System.nanoTime();
            Response response = exchange(request);
            long elapsed = System.nanoTime() - t0;
            if (response.status() != expectedStatus) {
                throw new IllegalStateException(label + " answered " + response.status() + " instead of " + expectedStatus
                        + ": " + response.body());
            }
            samples.computeIfAbsent(label, l -> new LongList()).add(elapsed);
            return response;
        }

        private Response exchange(Request request) throws IOException {
            boolean fresh = socket == null;
            try {
                if (fresh) {
                    connect();
                }
                return roundTrip(request);
            } catch (IOException e) {
                close();
                if (fresh) {
                    throw e;
                }
                // The server closed an idle keep-alive connection: once more on a new one.
                connect();
                return roundTrip(request);
            }
        }

        private void connect() throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        private Response roundTrip(Request request) throws IOException {
            StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(request.path())
                    .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            byte[] body = request.body();
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            String statusLine = line();
            if (statusLine == null) {
                throw new EOFException("connection closed");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] content;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                content = chunks.toByteArray();
            } else {
                content = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            if ("close".equalsIgnoreCase(headers.get("connection"))) {
                close();
            }
            return new Response(status, headers, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    return line.isEmpty() ? null : line.toString();
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** One request: a path under the run's base URI, headers and a body (empty for a GET). */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {

        public static Request get(String path, String token) {
            return new Request("GET", path, Map.of("Authorization", "Bearer " + token), new byte[0]);
        }

        public static Request post(String path, String token) {
            return new Request("POST", path, Map.of("Authorization", "Bearer " + token), new byte[0]);
        }

        public static Request postJson(String path, String token, String json) {
            return new Request("POST", path, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        public Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, path, more, body);
        }
    }

    /** An answer: its status, its headers (lower-case names) and its body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What a measured run did: per label, every latency in nanoseconds, sorted; the share of the machine's CPU
     * time that its virtual machine's host took for others meanwhile (steal time, -1 where unknown); and the CPU
     * time the service under test used meanwhile, in seconds (-1 where unknown).
     */
    public record Result(int clients, double seconds, long iterations, Map<String, long[]> latencies, double stolenPercent,
            double serviceCpuSeconds) {

        public long requests() {
            return latencies.values().stream().mapToLong(l -> l.length).sum();
        }

        public double requestsPerSecond() {
            return requests() / seconds;
        }

        public double iterationsPerSecond() {
            return iterations / seconds;
        }

        /** Several measured times taken as one: their requests, latencies, CPU and seconds added up. */
        public static Result combined(List<Result> rounds) {
            Map<String, long[]> latencies = new LinkedHashMap<>();
            for (Result round : rounds) {
                round.latencies().forEach((label, sorted) -> latencies.merge(label, sorted,
                        (a, b) -> LongStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray()));
            }
            double seconds = rounds.stream().mapToDouble(Result::seconds).sum();
            double stolen = rounds.stream().anyMatch(r -> r.stolenPercent() < 0) ? -1
                    : rounds.stream().mapToDouble(r -> r.stolenPercent() * r.seconds()).sum() / seconds;
            double cpu = rounds.stream().anyMatch(r -> r.serviceCpuSeconds() < 0) ? -1
                    : rounds.stream().mapToDouble(Result::serviceCpuSeconds).sum();
            return new Result(rounds.getFirst().clients(), seconds, rounds.stream().mapToLong(Result::iterations).sum(),
                    latencies, stolen, cpu);
        }

        /** Every request's latency, whatever its label, sorted. */
        public long[] all() {
            return latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }

        /** One line per label, then one for every request together, then the steal time. */
        public String table() {
            StringBuilder out = new StringBuilder();
            latencies.forEach((label, sorted) -> out.append(line(label, sorted)));
            if (latencies.size() > 1) {
                out.append(line("any request", all()));
            }
            if (serviceCpuSeconds >= 0) {
                // Steadier from run to run than the rate: what one request costs the service, whatever else the host did.
                out.append(String.format("  service CPU: %.3f ms per request (%.2f cores)%n",
                        1000 * serviceCpuSeconds / requests(), serviceCpuSeconds / seconds));
            }
            if (stolenPercent >= 0) {
                // A figure measured while the host took CPU away is not the service's: say so next to it.
                out.append(String.format("  CPU steal during the measured time: %.0f %%%s%n", stolenPercent,
                        stolenPercent >= 5 ? " (the host was busy: these figures understate the service)" : ""));
            }
            return out.toString();
        }
    }

    /** {@code label  n  p50  p90  p99  max}, in milliseconds. */
    public static String line(String label, long[] sortedNanos) {
        return String.format("  %-44s n %6d   p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n", label, sortedNanos.length,
                millis(sortedNanos, 0.50), millis(sortedNanos, 0.90), millis(sortedNanos, 0.99),
                sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    /** The {@code p} quantile (nearest rank) of sorted nanoseconds, in milliseconds. */
    public static double millis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }


    /**
     * The CPU time used so far by the service under test: the packaged application that a
     * {@code @QuarkusIntegrationTest} runs as a process of this JVM ({@code quarkus-run.jar}); -1 when there is
     * none (the service runs in this JVM) or the platform does not tell.
     */
    private static final class ServiceCpu {

        static double seconds() {
            List<ProcessHandle> services = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar")).toList();
            if (services.isEmpty()) {
                return -1;
            }
            long nanos = 0;
            for (ProcessHandle service : services) {
                Optional<Duration> cpu = service.info().totalCpuDuration();
                if (cpu.isEmpty()) {
                    return -1;
                }
                nanos += cpu.get().toNanos();
            }
            return nanos / 1e9;
        }
    }

    /** The machine's CPU time counters from {@code /proc/stat} (Linux), or null. */
    private static final class HostCpu {

        static long[] read() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                return Arrays.stream(fields, 1, Math.min(fields.length, 9)).mapToLong(Long::parseLong).toArray();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static double stolenPercent(long[] before, long[] after) {
            if (before == null || after == null || before.length < 8 || after.length < 8) {
                return -1;
            }
            long total = 0;
            for (int i = 0; i < 8; i++) {
                total += after[i] - before[i];
            }
            return total <= 0 ? -1 : 100.0 * (after[7] - before[7]) / total;
        }
    }

    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

package org.secondopinion.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Everything a service's tests need, started once per test run and in parallel: real PostgreSQL, a
 * real Kafka broker (KRaft) and an OIDC provider that signs real tokens. A service declares it once:
 *
 * <pre>{@code
 * @WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
 * }</pre>
 */
public class PlatformTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        CompletableFuture<Map<String, String>> database = inParallel(TestDatabase::start);
        CompletableFuture<Map<String, String>> kafka = inParallel(TestKafka::start);
        CompletableFuture<Map<String, String>> oidc = inParallel(TestOidc::start);
        Map<String, String> config = new HashMap<>();
        config.putAll(database.join());
        config.putAll(kafka.join());
        config.putAll(oidc.join());
        return config;
    }

    /** Runs {@code start} on another thread that sees the same classes as this one (Quarkus's test class loader). */
    private static CompletableFuture<Map<String, String>> inParallel(Supplier<Map<String, String>> start) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            return start.get();
        }, runnable -> new Thread(runnable, "smo-test-resource").start());
    }

    @Override
    public void stop() {
        TestOidc.stop();
        TestKafka.stop();
        TestDatabase.stop();
    }
}

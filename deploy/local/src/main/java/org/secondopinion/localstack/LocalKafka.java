package org.secondopinion.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.secondopinion.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft combined mode (controller and broker in one process) for the local stack.
 * Data in {@code SMO_KAFKA_DATA}, formatted once and kept between runs (with its records); clients on
 * {@code localhost:SMO_KAFKA_PORT} (9092), the controller on {@code localhost:SMO_KAFKA_CONTROLLER_PORT} (9093).
 * The topics of {@link Topics} and each consuming service's dead-letter topic are created when missing; automatic
 * topic creation is off, as in Kubernetes (Strimzi KafkaTopics), so a topic that is not declared there fails here too.
 */
final class LocalKafka {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    /** Partitions of each event topic: several, so that ordering by case id is really exercised. */
    private static final int EVENT_PARTITIONS = 3;

    private LocalKafka() {
    }

    static AutoCloseable start() throws IOException, ExecutionException, InterruptedException {
        Path data = Path.of(Env.required("SMO_KAFKA_DATA")).toAbsolutePath();
        int port = Env.port("SMO_KAFKA_PORT", 9092);
        int controllerPort = Env.port("SMO_KAFKA_CONTROLLER_PORT", 9093);
        Files.createDirectories(data);

        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", data.toString());
        props.put("num.partitions", Integer.toString(EVENT_PARTITIONS));
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");
        // The log cleaner (compacted topics such as __consumer_offsets) takes 128 MB of heap by default.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));

        Path config = data.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "Written by the local stack (deploy/local) on every start");
        }
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(config);
        }

        LOG.info("Kafka: starting a KRaft broker on localhost:{} (controller localhost:{}), data {}", port, controllerPort, data);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        try {
            createTopics("localhost:" + port);
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        LOG.info("Kafka ready on localhost:{}", port);
        return () -> {
            LOG.info("Kafka: stopping");
            server.shutdown();
            server.awaitShutdown();
        };
    }

    /** Formats the data directory once, as {@code kafka-storage.sh format -t <new id> -c server.properties} does. */
    private static void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        var output = new java.io.ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka's data directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
        LOG.info("Kafka: formatted the data directory (cluster id {})", clusterId);
    }

    private static void createTopics(String bootstrap) throws ExecutionException, InterruptedException {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : Topics.ALL) {
            wanted.add(new NewTopic(topic, EVENT_PARTITIONS, (short) 1));
        }
        for (String service : Topics.CONSUMING_SERVICES) {
            wanted.add(new NewTopic(Topics.deadLetter(service), 1, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                LOG.info("Kafka: created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s", e);
        }
    }
}

package no.ipshub.hub.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import no.ipshub.hub.metrics.KafkaClientMetricsReporter;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The hub's own single-node Kafka: a combined KRaft broker and controller in this process, with its data
 * in a directory that survives restarts. Used when no external cluster is configured.
 *
 * <p>It is the {@link KafkaClientSettings} bean, so everything that talks to Kafka depends on it: Spring
 * creates it first and destroys it last, after Camel has stopped its routes and committed its offsets.
 */
public final class EmbeddedKafkaBroker implements KafkaClientSettings, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private volatile Duration startUpTime = Duration.ZERO;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /** Formats the data directory if it is new, starts the node and waits until it accepts clients. */
    public static EmbeddedKafkaBroker start(HubKafkaProperties.Embedded settings) {
        long started = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        requireFree(settings.host(), settings.port(), "hub.kafka.embedded.port");
        requireFree(settings.host(), settings.controllerPort(), "hub.kafka.embedded.controller-port");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dataDir, e);
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(settings, dataDir), false);
        boolean formatted = formatOnce(dataDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = settings.host() + ":" + settings.port();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, dataDir);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
        broker.startUpTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Embedded Kafka broker ready on {} with data in {} ({}) after {} ms", bootstrap, dataDir,
                formatted ? "new" : "reused", broker.startUpTime.toMillis());
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, Object> commonProperties() {
        Map<String, Object> common = new HashMap<>();
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaClientMetricsReporter.addTo(common);
        return common;
    }

    @Override
    public int clusterSize() {
        return 1;
    }

    /** How long formatting (the first time), starting and waiting for the broker took. */
    public Duration startUpTime() {
        return startUpTime;
    }

    /** Where the broker keeps its logs and metadata. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits until its logs are flushed and closed. */
    @Override
    public void destroy() {
        log.info("Stopping the embedded Kafka broker");
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped");
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers + ", " + dataDir + "]";
    }

    static Properties brokerProperties(HubKafkaProperties.Embedded settings, Path dataDir) {
        String host = settings.host();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://" + host + ":" + settings.port() + ",CONTROLLER://" + host + ":"
                + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // One node: every internal topic has a single replica.
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Topics are created on purpose by the hub, never by a typo in a client.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        // The previous run's broker session must expire quickly, or a restart waits for it.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        // Sized for one machine shared with the hub itself.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    private static boolean formatOnce(Path dataDir) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return false;
        }
        try {
            new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dataDir.toString())
                .setDirectories(List.of(dataDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + dataDir, e);
        }
        return true;
    }

    private void awaitReady() {
        // The broker is the hub's KafkaClientSettings and is not ready yet: nothing built on it (the hub's client
        // factory) exists, so this one admin client is made from the bare address.
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin client = Admin.create(admin)) {
            int nodes = client.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
            if (nodes < 1) {
                throw new IllegalStateException("The embedded Kafka broker reports no live node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker did not become ready in " + READY_TIMEOUT, e);
        }
    }

    private static void requireFree(String host, int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + host + " is in use: another hub or Kafka may "
                    + "be running. Stop it, or choose another port with " + property + ".", e);
        }
    }
}

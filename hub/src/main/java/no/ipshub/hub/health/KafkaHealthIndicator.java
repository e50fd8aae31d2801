package no.ipshub.hub.health;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka as the hub sees it: the cluster answers and enough brokers are alive. With {@code n} expected
 * brokers the hub keeps working with one missing (writes need {@code min.insync.replicas = n - 1}), so it
 * is UP down to that and DOWN below.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final KafkaClientSettings settings;
    private final Admin admin;

    public KafkaHealthIndicator(HubKafkaClients kafka) {
        super("Kafka health check failed");
        this.settings = kafka.settings();
        this.admin = kafka.admin("hub-health", Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        Collection<Node> nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int expected = settings.clusterSize();
        int required = Math.max(1, expected - 1);
        builder.withDetail("clusterId", clusterId)
            .withDetail("brokers", nodes.size())
            .withDetail("expectedBrokers", expected);
        if (nodes.size() >= required) {
            builder.up();
        } else {
            builder.down();
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}

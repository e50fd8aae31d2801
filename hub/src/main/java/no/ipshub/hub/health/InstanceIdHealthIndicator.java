package no.ipshub.hub.health;

import java.util.function.Supplier;
import no.ipshub.routes.instance.InstanceLease;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * This instance's id is its own: DOWN while another process heartbeats for the same id (two hubs given one
 * {@code hub.instance-id}, started at the same moment), since the two fence each other's Kafka transactions.
 */
public class InstanceIdHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<InstanceLease.Status> lease;

    public InstanceIdHealthIndicator(Supplier<InstanceLease.Status> lease) {
        super("Instance id health check failed");
        this.lease = lease;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        InstanceLease.Status status = lease.get();
        builder.withDetail("instanceId", status.instanceId())
                .withDetail("host", status.self().host())
                .withDetail("lastHeartbeat", String.valueOf(status.lastHeartbeatAcknowledged()));
        if (status.conflict()) {
            builder.down()
                    .withDetail("reason", "another process uses this instance id; give each instance its own "
                            + "hub.instance-id")
                    .withDetail("otherHost", status.otherHolder().host())
                    .withDetail("otherPid", status.otherHolder().pid());
        } else {
            builder.up();
        }
    }
}

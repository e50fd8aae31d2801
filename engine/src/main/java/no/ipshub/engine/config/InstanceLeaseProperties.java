package no.ipshub.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance keeps its id ({@code hub.instance-id}) to itself ({@code hub.instance-lease.*}): every instance
 * says on a compacted topic, each {@code heartbeat}, that its process holds its id; a process that has said nothing
 * for {@code lease} has let the id go.
 *
 * @param topic     the hub-internal compacted topic of the heartbeats, one partition
 * @param heartbeat how often a running instance says it holds its id
 * @param lease     how long an id stays held after its holder's last heartbeat; a starting instance whose id was
 *                  held a moment ago (its predecessor was killed) waits at most this long. At least two heartbeats.
 */
@ConfigurationProperties("hub.instance-lease")
public record InstanceLeaseProperties(
        @DefaultValue(DEFAULT_TOPIC) String topic,
        @DefaultValue("1s") Duration heartbeat,
        @DefaultValue("3s") Duration lease) {

    public static final String DEFAULT_TOPIC = "ips.hub-instances-v1";

    public InstanceLeaseProperties {
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        heartbeat = heartbeat == null ? Duration.ofSeconds(1) : heartbeat;
        lease = lease == null ? Duration.ofSeconds(3) : lease;
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("hub.instance-lease.heartbeat must be positive, was " + heartbeat);
        }
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("hub.instance-lease.lease must be at least two heartbeats ("
                    + heartbeat.multipliedBy(2) + "), was " + lease);
        }
    }

    public static InstanceLeaseProperties defaults() {
        return new InstanceLeaseProperties(DEFAULT_TOPIC, Duration.ofSeconds(1), Duration.ofSeconds(3));
    }
}

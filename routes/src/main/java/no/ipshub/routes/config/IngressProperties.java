package no.ipshub.routes.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub takes messages in ({@code hub.ingress.*}): limits, clock tolerance and the partner-ingress
 * consumer.
 *
 * @param maxMessageBytes    largest message value accepted; larger ones become MESSAGE_TOO_LARGE dead letters
 * @param clockSkew          how far in the future a timestamp or date may lie before it counts as future
 * @param groupId            consumer group of the partner-ingress route
 * @param consumers          consumer threads of the partner-ingress route (at most the ingress partitions)
 * @param maxPollRecords     largest batch the route handles at once
 * @param batchingIntervalMs longest a partly filled batch waits before it is handled anyway
 * @param pollTimeoutMs      how long one poll waits for records
 */
@ConfigurationProperties("hub.ingress")
public record IngressProperties(
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("ips-hub-ingress") String groupId,
        @DefaultValue("1") int consumers,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("10") int batchingIntervalMs,
        @DefaultValue("100") int pollTimeoutMs) {

    public static IngressProperties defaults() {
        return new IngressProperties(1_048_576, Duration.ofMinutes(5), "ips-hub-ingress", 1, 500, 10, 100);
    }
}

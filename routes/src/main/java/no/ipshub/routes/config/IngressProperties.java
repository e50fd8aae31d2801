package no.ipshub.routes.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub takes messages in ({@code hub.ingress.*}).
 *
 * @param maxMessageBytes largest message value accepted; larger ones become MESSAGE_TOO_LARGE dead letters
 * @param clockSkew       how far in the future a timestamp or date may lie before it counts as future
 * @param replyTimeout    how long an HTTP submission waits for the instance that owns its case to answer
 *                        before the caller gets 503 (the message may still be taken in; sending it again is safe)
 * @param maxKeyBytes     largest record key accepted on an ingress topic (a case id is far shorter); a longer key
 *                        makes the record a MESSAGE_TOO_LARGE dead letter keeping only the key's first bytes
 * @param maxHeaderBytes  largest sum of header names and values on an ingress record; more makes it a
 *                        MESSAGE_TOO_LARGE dead letter (its headers are not kept)
 */
@ConfigurationProperties("hub.ingress")
public record IngressProperties(
        @DefaultValue("1048576") int maxMessageBytes,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("15s") Duration replyTimeout,
        @DefaultValue("1024") int maxKeyBytes,
        @DefaultValue("16384") int maxHeaderBytes) {

    public static IngressProperties defaults() {
        return new IngressProperties(1_048_576, Duration.ofMinutes(5), Duration.ofSeconds(15), 1024, 16_384);
    }
}

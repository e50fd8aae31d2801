package no.ipshub.operations.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dead-letter index and replay ({@code hub.dead-letters.*}).
 *
 * @param maxReplaySelection most dead letters one replay request may put back on the ingress
 * @param previewBytes       how many leading bytes of an undecodable message the detail view shows
 */
@ConfigurationProperties("hub.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("1000") int maxReplaySelection,
        @DefaultValue("256") int previewBytes) {
}

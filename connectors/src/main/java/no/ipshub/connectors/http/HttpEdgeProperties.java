package no.ipshub.connectors.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the partner HTTP edge ({@code hub.http.*}).
 *
 * @param maxBodyBytes      largest request body {@code POST /api/v1/messages} reads; larger ones get 413 unread
 * @param inboxDefaultLimit page size of {@code GET /api/v1/inbox} when the caller gives no {@code limit}
 * @param retryAfterSeconds the {@code Retry-After} of a 503 when Kafka or the database is away
 */
@ConfigurationProperties("hub.http")
public record HttpEdgeProperties(
        @DefaultValue("256KB") DataSize maxBodyBytes,
        @DefaultValue("100") int inboxDefaultLimit,
        @DefaultValue("5") int retryAfterSeconds) {
}

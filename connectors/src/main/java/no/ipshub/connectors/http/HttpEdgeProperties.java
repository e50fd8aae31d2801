package no.ipshub.connectors.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the partner HTTP edge ({@code hub.http.*}).
 *
 * @param maxBodyBytes      largest request body any request may carry; larger ones get 413 unread (or, without a
 *                          {@code Content-Length}, after one byte too many)
 * @param maxHeaderBytes    largest header block of a request (request line and every header line); larger gets 431
 * @param maxHeaderCount    most header lines of a request; more gets 431
 * @param inboxDefaultLimit page size of {@code GET /api/v1/inbox} when the caller gives no {@code limit}
 * @param retryAfterSeconds the {@code Retry-After} of a 503 when Kafka or the database is away
 */
@ConfigurationProperties("hub.http")
public record HttpEdgeProperties(
        @DefaultValue("256KB") DataSize maxBodyBytes,
        @DefaultValue("16KB") DataSize maxHeaderBytes,
        @DefaultValue("100") int maxHeaderCount,
        @DefaultValue("100") int inboxDefaultLimit,
        @DefaultValue("5") int retryAfterSeconds) {

    public HttpEdgeProperties {
        if (maxHeaderCount < 1 || maxHeaderBytes.toBytes() < 1024 || maxBodyBytes.toBytes() < 1024) {
            throw new IllegalArgumentException("hub.http.max-header-count must be at least 1, "
                    + "hub.http.max-header-bytes and max-body-bytes at least 1KB");
        }
    }
}

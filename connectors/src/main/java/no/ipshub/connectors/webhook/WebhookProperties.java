package no.ipshub.connectors.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks ({@code hub.webhooks.*}).
 *
 * @param enabled                false: no webhook routes, no registration endpoint answers but 404
 * @param secretKey              the key sealing the signing secrets in the database (32 bytes or more; raw text,
 *                               {@code base64:...} or {@code hex:...}); prefer {@code secretKeyFile}
 * @param secretKeyFile          a file holding that key; blank with a blank {@code secretKey} means
 *                               {@code <hub.data-dir>/webhook.key}
 * @param generateKeyIfMissing   create the key file with 32 random bytes when it does not exist (one machine);
 *                               several instances must share one key file instead
 * @param maxAttempts            attempts before a delivery is parked for operators
 * @param initialBackoff         wait after the first failed attempt
 * @param backoffMultiplier      growth of the wait per further failure
 * @param maxBackoff             longest wait between two attempts
 * @param connectTimeout         TCP and TLS connect timeout of one attempt
 * @param requestTimeout         time one attempt may take until the response status arrives
 * @param allowInsecureLocalhost allow {@code http://} (and loopback addresses) for endpoints on this machine;
 *                               for tests only
 * @param allowPrivateAddresses  allow endpoints that resolve to private, link-local or unique-local addresses
 *                               (a partner inside a closed health network); off, the hub refuses to be pointed
 *                               at its own network
 * @param concurrency            attempts in flight at once on one instance
 * @param concurrencyPerPartner  attempts in flight at once per partner on one instance, so one slow endpoint
 *                               cannot hold every sender
 * @param pollInterval           how often due deliveries (retries, replays) are looked for
 * @param retention              how long delivered rows are kept (without the message) before they are purged
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean enabled,
        String secretKey,
        String secretKeyFile,
        @DefaultValue("true") boolean generateKeyIfMissing,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("false") boolean allowInsecureLocalhost,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("8") int concurrency,
        @DefaultValue("2") int concurrencyPerPartner,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("7d") Duration retention) {

    public WebhookProperties {
        if (maxAttempts < 1 || concurrency < 1 || concurrencyPerPartner < 1 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("hub.webhooks.max-attempts, concurrency and concurrency-per-partner "
                    + "must be at least 1 and backoff-multiplier at least 1.0");
        }
    }
}

package no.ipshub.connectors.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, shows and removes partners' webhooks. A registration makes a new signing secret, seals it for
 * storage and hands it out once; nothing can show it again.
 */
public class WebhookRegistrations {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistrations.class);

    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final Supplier<WebhookSecretCipher> cipher;
    private final WebhookUrlPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;

    public WebhookRegistrations(WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries,
            Supplier<WebhookSecretCipher> cipher, WebhookUrlPolicy policy, TransactionTemplate tx, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
    }

    /** A registration: the endpoint, and the secret in clear for this one answer. */
    public record Registration(String url, String secret, Instant registeredAt, boolean created) {

        @Override
        public String toString() {
            return "Registration[registeredAt=" + registeredAt + "]";
        }
    }

    /** Thrown when the URL may not be used; carries the policy's refusal. */
    public static final class RefusedUrlException extends RuntimeException {

        private final WebhookUrlPolicy.Refusal refusal;

        RefusedUrlException(WebhookUrlPolicy.Refusal refusal) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
        }

        public WebhookUrlPolicy.Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Registers {@code url} for {@code partnerId}, replacing an earlier webhook and its secret.
     *
     * @throws RefusedUrlException when the URL breaks {@link WebhookUrlPolicy}
     */
    public Registration register(String partnerId, String url) {
        Optional<WebhookUrlPolicy.Refusal> refusal = policy.check(url);
        if (refusal.isPresent()) {
            throw new RefusedUrlException(refusal.get());
        }
        String secret = WebhookSecretCipher.newSecret();
        WebhookSecretCipher.Sealed sealed = cipher.get().seal(partnerId, secret);
        Instant now = clock.instant();
        boolean created = endpoints.save(new WebhookEndpoint(partnerId, url, sealed.bytes(), sealed.keyId(), now));
        log.info("Partner {} {} its webhook", partnerId, created ? "registered" : "replaced");
        return new Registration(url, secret, now, created);
    }

    /** The partner's webhook, if any. */
    public Optional<WebhookEndpoint> find(String partnerId) {
        return endpoints.find(partnerId);
    }

    /** Removes the partner's webhook and drops its pending deliveries; true when it had one. */
    public boolean remove(String partnerId) {
        Boolean removed = tx.execute(status -> {
            boolean had = endpoints.delete(partnerId);
            if (had) {
                deliveries.cancelPending(partnerId);
            }
            return had;
        });
        if (Boolean.TRUE.equals(removed)) {
            log.info("Partner {} removed its webhook", partnerId);
        }
        return Boolean.TRUE.equals(removed);
    }
}

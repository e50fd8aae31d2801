package no.ipshub.connectors.webhook;

import java.time.Instant;

/**
 * A partner's registered webhook, as stored.
 *
 * @param partnerId    the partner whose inbox is POSTed there
 * @param url          the endpoint
 * @param sealedSecret the signing secret, sealed by {@link WebhookSecretCipher}
 * @param keyId        the id of the key that sealed it
 * @param registeredAt when it was registered (or last replaced)
 */
public record WebhookEndpoint(String partnerId, String url, byte[] sealedSecret, String keyId, Instant registeredAt) {

    @Override
    public String toString() {
        // the default would print the sealed bytes; the URL may carry a partner's token in its query
        return "WebhookEndpoint[" + partnerId + "]";
    }
}

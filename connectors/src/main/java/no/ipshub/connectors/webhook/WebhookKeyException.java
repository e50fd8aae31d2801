package no.ipshub.connectors.webhook;

/** The key sealing webhook secrets is missing, unreadable, too short, or not the one a secret was sealed with. */
public class WebhookKeyException extends RuntimeException {

    public WebhookKeyException(String message) {
        super(message);
    }

    public WebhookKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}

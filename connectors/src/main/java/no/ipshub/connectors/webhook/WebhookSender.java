package no.ipshub.connectors.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes one webhook attempt: POSTs the body with the message id, the timestamp and the signature, and reports
 * the status or the kind of failure. Follows no redirects (a redirect could point anywhere, past the URL
 * policy) and reads no response body.
 */
public class WebhookSender {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final WebhookUrlPolicy policy;

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, WebhookUrlPolicy policy) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        this.policy = policy;
    }

    /**
     * What one attempt achieved.
     *
     * @param status the HTTP status, or null when none arrived
     * @param error  what went wrong, without the URL or any response content; null on success
     */
    public record Attempt(Integer status, String error) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** POSTs {@code body} to {@code url}, signed with {@code secret} at {@code now}. */
    public Attempt send(String url, String secret, String messageId, byte[] body, Instant now) {
        Optional<WebhookUrlPolicy.Refusal> refusal = policy.check(url);
        if (refusal.isPresent()) {
            return new Attempt(null, "URL refused: " + refusal.get().code());
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ips-hub-webhooks/1")
                .header(WebhookSigner.MESSAGE_ID_HEADER, messageId)
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Attempt(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException e) {
            return new Attempt(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "interrupted");
        }
    }
}

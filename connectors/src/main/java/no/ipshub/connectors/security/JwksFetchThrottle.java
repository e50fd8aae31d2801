package no.ipshub.connectors.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Fetches each address of one token issuer (its JWKS, its metadata) at most once per interval: within the interval
 * the last answer, or the last failure, is given again, and callers arriving while a fetch is in flight wait for
 * it. So any number of tokens with unknown key ids cost the issuer one fetch per interval, and a key the issuer
 * rotated in is picked up by the first token that needs it once the interval has passed.
 */
final class JwksFetchThrottle implements ClientHttpRequestInterceptor {

    /** The most of one answer kept; a key set is a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<URI, Slot> slots = new ConcurrentHashMap<>();

    JwksFetchThrottle(Duration interval) {
        this(interval, System::nanoTime);
    }

    JwksFetchThrottle(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        // one slot per address of one configured issuer: two or three at most
        Slot slot = slots.computeIfAbsent(request.getURI(), uri -> new Slot());
        synchronized (slot) {
            long now = nanoTime.getAsLong();
            if (!slot.isFresh(now, intervalNanos)) {
                slot.fetch(now, () -> execution.execute(request, body));
            }
            return slot.replay();
        }
    }

    @FunctionalInterface
    private interface Fetch {
        ClientHttpResponse execute() throws IOException;
    }

    /** The last fetch of one address: when, and its answer or failure. */
    private static final class Slot {
        private boolean fetched;
        private long fetchedAt;
        private Answer answer;
        private IOException failure;

        boolean isFresh(long now, long intervalNanos) {
            return fetched && now - fetchedAt < intervalNanos;
        }

        void fetch(long now, Fetch fetch) {
            fetched = true;
            fetchedAt = now;
            try (ClientHttpResponse response = fetch.execute()) {
                answer = Answer.of(response);
                failure = null;
            } catch (IOException e) {
                answer = null;
                failure = e;
            }
        }

        ClientHttpResponse replay() throws IOException {
            if (failure != null) {
                throw new IOException("the last fetch of the issuer's keys failed: " + failure.getMessage(), failure);
            }
            return answer.response();
        }
    }

    /** An answer read whole, to be given again. */
    private record Answer(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {

        static Answer of(ClientHttpResponse response) throws IOException {
            byte[] body;
            try (InputStream in = response.getBody()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new IOException("the issuer's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return new Answer(response.getStatusCode(), response.getStatusText(),
                    HttpHeaders.copyOf(response.getHeaders()), body);
        }

        ClientHttpResponse response() {
            return new ClientHttpResponse() {
                @Override
                public HttpStatusCode getStatusCode() {
                    return status;
                }

                @Override
                public String getStatusText() {
                    return statusText;
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public void close() {
                    // nothing held: the body is in memory
                }
            };
        }
    }
}

package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

class JwksFetchThrottleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final URI JWKS = URI.create("https://issuer.example/jwks");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final JwksFetchThrottle throttle = new JwksFetchThrottle(INTERVAL, nanos::get);

    /** The issuer: counts its fetches, answers key set number n, or fails when told to. */
    private static final class Issuer implements ClientHttpRequestExecution {
        final AtomicInteger fetches = new AtomicInteger();
        volatile boolean down;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public ClientHttpResponse execute(HttpRequest request, byte[] body) throws IOException {
            int n = fetches.incrementAndGet();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down) {
                throw new IOException("connection refused");
            }
            return response("{\"keys\": [" + n + "]}");
        }
    }

    private final Issuer issuer = new Issuer();

    private static HttpRequest get(URI uri) {
        return new HttpRequest() {
            @Override
            public HttpMethod getMethod() {
                return HttpMethod.GET;
            }

            @Override
            public URI getURI() {
                return uri;
            }

            @Override
            public java.util.Map<String, Object> getAttributes() {
                return new java.util.HashMap<>();
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }

    private static ClientHttpResponse response(String body) {
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatus.OK;
            }

            @Override
            public String getStatusText() {
                return "OK";
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
    }

    private String fetch(URI uri) throws IOException {
        try (ClientHttpResponse response = throttle.intercept(get(uri), new byte[0], issuer)) {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fetchesWithinTheIntervalGetTheLastAnswerWithoutAskingTheIssuer() throws IOException {
        fetch(JWKS);
        nanos.addAndGet(INTERVAL.toNanos() - 1);

        assertThat(fetch(JWKS)).isEqualTo("{\"keys\": [1]}");
        assertThat(issuer.fetches).hasValue(1);
    }

    @Test
    void aFetchAfterTheIntervalAsksTheIssuerAgainAndSeesARotatedKey() throws IOException {
        fetch(JWKS);
        nanos.addAndGet(INTERVAL.toNanos());

        assertThat(fetch(JWKS)).isEqualTo("{\"keys\": [2]}");
    }

    @Test
    void eachAddressOfTheIssuerHasItsOwnInterval() throws IOException {
        fetch(JWKS);
        fetch(URI.create("https://issuer.example/.well-known/openid-configuration"));

        assertThat(issuer.fetches).hasValue(2);
    }

    @Test
    void aFailedFetchIsNotRepeatedWithinTheInterval() throws IOException {
        issuer.down = true;
        assertThatThrownBy(() -> fetch(JWKS)).isInstanceOf(IOException.class);

        assertThatThrownBy(() -> fetch(JWKS)).isInstanceOf(IOException.class).hasMessageContaining("failed");
        assertThat(issuer.fetches).hasValue(1);
    }

    /* A hundred callers at once while the issuer is slow: one of them fetches, the others wait and share it. */
    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        issuer.gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> fetch(JWKS)));
            }
            issuer.gate.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("{\"keys\": [1]}");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issuer.fetches).hasValue(1);
    }

    @Test
    void anAnswerLargerThanTheBoundIsAFailure() {
        ClientHttpRequestExecution huge = (request, body) -> response("x".repeat(JwksFetchThrottle.MAX_ANSWER_BYTES + 1));

        assertThatThrownBy(() -> throttle.intercept(get(JWKS), new byte[0], huge)).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }
}

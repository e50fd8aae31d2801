package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request-rate limits of the HTTP edge ({@code hub.http.rate-limit.*}). Every limit is kept in memory by each
 * hub instance: behind a load balancer over two instances a caller gets up to twice the rate.
 *
 * @param enabled           false switches every limit below off (benchmarks, trusted networks)
 * @param requestsPerSecond sustained requests per second of one partner, operator or researcher account
 * @param burst             requests one caller may make at once after a quiet spell (the bucket's size)
 * @param failedAuth        throttling of unknown API keys per client address
 * @param derivations       the global cap on concurrent PBKDF2 derivations
 */
@ConfigurationProperties("hub.http.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") double requestsPerSecond,
        @DefaultValue("100") int burst,
        @DefaultValue FailedAuth failedAuth,
        @DefaultValue Derivations derivations) {

    public RateLimitProperties {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("hub.http.rate-limit.requests-per-second must be above 0 and "
                    + "hub.http.rate-limit.burst at least 1");
        }
        failedAuth = failedAuth == null ? new FailedAuth(10, Duration.ofMinutes(1), 100_000) : failedAuth;
        derivations = derivations == null ? new Derivations(0, Duration.ofSeconds(2), 16) : derivations;
    }

    /**
     * Throttling of requests with API keys that match nobody, per client address (an IPv6 client by its /64).
     *
     * @param maxFailures    unknown keys one address may present within {@code window}; then 429 until the
     *                       allowance refills, without any PBKDF2 derivation
     * @param window         the time in which the allowance refills completely
     * @param trackedClients addresses remembered at most; the least recently seen are forgotten first
     */
    public record FailedAuth(
            @DefaultValue("10") int maxFailures,
            @DefaultValue("1m") Duration window,
            @DefaultValue("100000") int trackedClients) {

        public FailedAuth {
            if (maxFailures < 1 || window == null || window.isNegative() || window.isZero() || trackedClients < 1) {
                throw new IllegalArgumentException("hub.http.rate-limit.failed-auth needs max-failures and "
                        + "tracked-clients of at least 1 and a positive window");
            }
        }
    }

    /**
     * The global cap on API-key verifications that may cost PBKDF2 derivations (keys not verified before).
     *
     * @param maxConcurrent verifications running at once; 0 means half the processors, at least one
     * @param maxWait       how long a request waits for a free slot before it gets 503 with Retry-After
     * @param maxWaiting    requests that may wait for a slot at once; more get 503 at once, so that waiting
     *                      requests cannot hold every server thread
     */
    public record Derivations(
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("2s") Duration maxWait,
            @DefaultValue("16") int maxWaiting) {

        public Derivations {
            if (maxConcurrent < 0 || maxWait == null || maxWait.isNegative() || maxWaiting < 0) {
                throw new IllegalArgumentException("hub.http.rate-limit.derivations.max-concurrent and max-waiting "
                        + "must be 0 or more and max-wait not negative");
            }
        }

        /** The cap in effect: {@code maxConcurrent}, or half the processors when it is 0. */
        public int effectiveMaxConcurrent() {
            return maxConcurrent > 0 ? maxConcurrent : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }
}

package no.ipshub.connectors.ratelimit;

import java.time.Duration;

/**
 * A request refused by one of the edge's throttles before it was served; {@link EdgeThrottleFilter} answers it
 * with a problem and {@code Retry-After}. Carries no key and no address.
 */
public final class EdgeThrottledException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** The caller used up its request rate: 429. */
        RATE_LIMIT("rate-limit"),
        /** Too many unknown API keys from the client's address: 429. */
        AUTH_FAILURES("auth-failures"),
        /** Too many key verifications run at once across all callers: 503. */
        DERIVATIONS_BUSY("derivations-busy");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        /** The value of the {@code reason} tag of the throttling metric. */
        public String tag() {
            return tag;
        }
    }

    private final Reason reason;
    private final Duration retryAfter;

    public EdgeThrottledException(Reason reason, Duration retryAfter) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

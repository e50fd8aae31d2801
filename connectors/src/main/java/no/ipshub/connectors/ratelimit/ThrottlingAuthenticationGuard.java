package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import no.ipshub.connectors.ratelimit.EdgeThrottledException.Reason;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.connectors.security.AuthenticationGuard;

/**
 * Protects the PBKDF2 path of API-key authentication. A key that authenticated before goes straight through
 * (the verification cache answers it without deriving). Any other key is refused with 429 when its client
 * address has presented too many unknown keys lately, before any derivation; otherwise it waits for one of the
 * few derivation slots (503 when none comes free in time). An unknown key counts against its address.
 *
 * <p>Applies to every caller of the authenticator (bearer and basic headers, the operations sign-in form and
 * its cookie), since they all go through it.
 */
public final class ThrottlingAuthenticationGuard implements AuthenticationGuard {

    private static final int KNOWN_KEYS = 10_000;

    private final FailedAuthenticationThrottle failures;
    private final DerivationGate gate;
    private final KnownKeys known = new KnownKeys(KNOWN_KEYS);

    public ThrottlingAuthenticationGuard(FailedAuthenticationThrottle failures, DerivationGate gate) {
        this.failures = failures;
        this.gate = gate;
    }

    @Override
    public Optional<ApiKeyAuthentication> authenticate(String apiKey,
            Supplier<Optional<ApiKeyAuthentication>> lookUp) {
        String fingerprint = KnownKeys.fingerprint(apiKey);
        if (known.contains(fingerprint)) {
            Optional<ApiKeyAuthentication> caller = lookUp.get();
            if (caller.isEmpty()) {
                // the key was removed from the partners file or the accounts since; treat it as new next time
                known.remove(fingerprint);
            }
            return caller;
        }
        String client = ClientAddress.current();
        if (client != null) {
            Optional<Duration> wait = failures.reserve(client);
            if (wait.isPresent()) {
                throw new EdgeThrottledException(Reason.AUTH_FAILURES, wait.get());
            }
        }
        boolean unknown = false;
        Optional<ApiKeyAuthentication> caller;
        try {
            if (!gate.tryEnter()) {
                throw new EdgeThrottledException(Reason.DERIVATIONS_BUSY, gate.retryAfter());
            }
            try {
                caller = lookUp.get();
            } finally {
                gate.leave();
            }
            unknown = caller.isEmpty();
        } finally {
            // only an unknown key keeps its reservation; a known key, a busy gate or a failed lookup give it back
            if (client != null && !unknown) {
                failures.release(client);
            }
        }
        if (caller.isPresent()) {
            known.add(fingerprint);
        }
        return caller;
    }
}

package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts unknown API keys per client address: each address may present {@code maxFailures} of them per
 * {@code window}, then it is refused until its allowance refills, before any key derivation. At most
 * {@code trackedClients} addresses are remembered (least recently seen forgotten first), so a flood from many
 * addresses cannot exhaust memory; the global {@link DerivationGate} bounds the CPU such a flood can cost.
 */
public final class FailedAuthenticationThrottle {

    private final int maxFailures;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> clients;

    public FailedAuthenticationThrottle(int maxFailures, Duration window, int trackedClients, LongSupplier nanoTime) {
        this.maxFailures = maxFailures;
        this.refillPerSecond = maxFailures / (window.toNanos() / 1e9);
        this.nanoTime = nanoTime;
        this.clients = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > trackedClients;
            }
        };
    }

    /** Empty when {@code client} may try a key now; otherwise how long until it may. */
    public Optional<Duration> refusal(String client) {
        TokenBucket bucket;
        synchronized (clients) {
            bucket = clients.get(client);
        }
        if (bucket == null) {
            return Optional.empty();
        }
        long wait = bucket.waitFor(nanoTime.getAsLong());
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    /** Counts one unknown key from {@code client}. */
    public void recordFailure(String client) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket;
        synchronized (clients) {
            bucket = clients.computeIfAbsent(client, c -> new TokenBucket(refillPerSecond, maxFailures, now));
        }
        bucket.drain(now);
    }

    /** How many addresses are remembered now. */
    public int trackedClients() {
        synchronized (clients) {
            return clients.size();
        }
    }
}

package no.ipshub.connectors.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts unknown API keys per client address: each address may present {@code maxFailures} of them per
 * {@code window}, then it is refused until its allowance refills, before any key derivation. A verification
 * reserves an allowance first and gives it back when the key was known. At most
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

    /**
     * Reserves one unknown-key allowance of {@code client} for a key about to be verified: empty when there was
     * one, otherwise how long until there is. Reserving before the verification (rather than counting after it)
     * keeps many concurrent requests from one address from all slipping through before the first one fails.
     */
    public Optional<Duration> reserve(String client) {
        long now = nanoTime.getAsLong();
        long wait = bucket(client, now).tryTake(now);
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    /** Gives back a reservation: the key was known after all. */
    public void release(String client) {
        long now = nanoTime.getAsLong();
        bucket(client, now).refund(now);
    }

    private TokenBucket bucket(String client, long now) {
        synchronized (clients) {
            return clients.computeIfAbsent(client, c -> new TokenBucket(refillPerSecond, maxFailures, now));
        }
    }

    /** How many addresses are remembered now. */
    public int trackedClients() {
        synchronized (clients) {
            return clients.size();
        }
    }
}

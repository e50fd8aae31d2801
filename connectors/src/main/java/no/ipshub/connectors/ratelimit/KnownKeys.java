package no.ipshub.connectors.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 fingerprints of API keys that authenticated before. Such a key is found in the verification cache
 * without any derivation, so it passes the throttles: a partner behind the same address as an attacker, or
 * arriving while unknown keys queue for derivation, is still served. Holds fingerprints only, never keys.
 */
final class KnownKeys {

    private final Map<String, Boolean> fingerprints;

    KnownKeys(int capacity) {
        this.fingerprints = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String fingerprint) {
        return fingerprints.get(fingerprint) != null;
    }

    synchronized void add(String fingerprint) {
        fingerprints.put(fingerprint, Boolean.TRUE);
    }

    synchronized void remove(String fingerprint) {
        fingerprints.remove(fingerprint);
    }

    static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

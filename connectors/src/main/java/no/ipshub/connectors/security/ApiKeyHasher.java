package no.ipshub.connectors.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies API keys: PBKDF2-HMAC-SHA256 with a random salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. Keys are never stored in clear text.
 *
 * <p>Verifying costs tens of milliseconds on purpose, which the request path cannot pay thousands of
 * times a second. Outcomes are therefore kept in a bounded in-memory cache keyed by the SHA-256 of the
 * presented key (an API key has enough entropy that its fast digest reveals nothing useful), and
 * concurrent first verifications of the same key share one derivation. Run {@link #main} to hash a new
 * key for the partners file or the account configuration.
 */
public final class ApiKeyHasher {

    /** The prefix naming the algorithm in a stored hash. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** Iterations used for new hashes; OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;

    /** Stored hashes with fewer iterations than this are refused rather than trusted. */
    public static final int MIN_ITERATIONS = 210_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int CACHE_ENTRIES = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    // Matches and mismatches are kept apart so that a flood of wrong keys cannot evict the good ones.
    private static final BoundedSet VERIFIED = new BoundedSet(CACHE_ENTRIES);
    private static final BoundedSet REFUSED = new BoundedSet(CACHE_ENTRIES);
    private static final Map<String, CompletableFuture<Boolean>> IN_FLIGHT = new ConcurrentHashMap<>();
    private static final AtomicLong DERIVATIONS = new AtomicLong();

    private ApiKeyHasher() {
    }

    /** A new salted hash of {@code apiKey} in the stored format. */
    public static String hash(String apiKey) {
        requireKey(apiKey);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(apiKey, salt, ITERATIONS, HASH_BITS);
        return SCHEME + "$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(derived);
    }

    /**
     * Whether {@code apiKey} is the key that {@code hash} was made from. A malformed or too weak hash
     * never matches. Cached: repeated calls with the same pair do not derive again.
     */
    public static boolean matches(String apiKey, String hash) {
        if (apiKey == null || apiKey.isEmpty() || hash == null) {
            return false;
        }
        String cacheKey = fingerprint(apiKey) + '|' + hash;
        if (VERIFIED.contains(cacheKey)) {
            return true;
        }
        if (REFUSED.contains(cacheKey)) {
            return false;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = IN_FLIGHT.putIfAbsent(cacheKey, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matched = verify(apiKey, hash);
            (matched ? VERIFIED : REFUSED).add(cacheKey);
            mine.complete(matched);
            return matched;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            IN_FLIGHT.remove(cacheKey, mine);
        }
    }

    /**
     * Whether {@code apiKey} was verified against {@code hash} before and is still in the cache; never derives.
     * False means "not known", not "does not match".
     */
    public static boolean verifiedBefore(String apiKey, String hash) {
        if (apiKey == null || apiKey.isEmpty() || hash == null) {
            return false;
        }
        return VERIFIED.contains(fingerprint(apiKey) + '|' + hash);
    }

    /** Whether {@code hash} is in the stored format with a strong enough iteration count. */
    public static boolean isWellFormed(String hash) {
        return parse(hash) != null;
    }

    /** A new random API key: 32 bytes from a secure random source, base64url without padding. */
    public static String newApiKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * Prints the hash of an API key. With {@code --generate}, makes a new random key and prints it with its
     * hash; with a key argument, hashes that; with neither, reads the key from the console without echo
     * (or from standard input) so that it does not end up in the shell history.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && "--generate".equals(args[0])) {
            String key = newApiKey();
            System.out.println("api key: " + key);
            System.out.println("hash:    " + hash(key));
            return;
        }
        String key = args.length > 0 ? args[0] : readKey();
        if (key == null || key.isBlank()) {
            System.err.println("No API key given: pass it as an argument, on standard input, or use --generate.");
            System.exit(2);
            return;
        }
        System.out.println(hash(key.strip()));
    }

    /** How many PBKDF2 derivations ran in this process; lets tests prove that the cache is used. */
    static long derivations() {
        return DERIVATIONS.get();
    }

    private static String readKey() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("API key to hash: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static boolean verify(String apiKey, String hash) {
        Parsed parsed = parse(hash);
        if (parsed == null) {
            return false;
        }
        byte[] derived = derive(apiKey, parsed.salt(), parsed.iterations(), parsed.hash().length * 8);
        return MessageDigest.isEqual(derived, parsed.hash());
    }

    private static Parsed parse(String hash) {
        if (hash == null) {
            return null;
        }
        String[] parts = hash.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = B64_DECODER.decode(parts[2]);
            byte[] derived = B64_DECODER.decode(parts[3]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS
                    || salt.length < SALT_BYTES || derived.length < HASH_BITS / 8) {
                return null;
            }
            return new Parsed(iterations, salt, derived);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(String apiKey, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(apiKey.toCharArray(), salt, iterations, bits);
        try {
            DERIVATIONS.incrementAndGet();
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void requireKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An API key must not be empty");
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    /** A least-recently-used set with a fixed capacity; a short lock per call is far below a request's cost. */
    static final class BoundedSet {
        private final Map<String, Boolean> entries;

        BoundedSet(int capacity) {
            this.entries = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized boolean contains(String key) {
            return entries.get(key) != null;
        }

        synchronized void add(String key) {
            entries.put(key, Boolean.TRUE);
        }

        synchronized int size() {
            return entries.size();
        }
    }
}

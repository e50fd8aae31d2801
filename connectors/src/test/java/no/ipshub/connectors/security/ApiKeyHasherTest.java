package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class ApiKeyHasherTest {

    @Test
    void hashNamesTheSchemeTheIterationsTheSaltAndTheDerivedKey() {
        String[] parts = ApiKeyHasher.hash("a-long-random-api-key").split("\\$");

        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
    }

    @Test
    void theSameKeyHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(ApiKeyHasher.hash("same-key")).isNotEqualTo(ApiKeyHasher.hash("same-key"));
    }

    @Test
    void aHashMatchesTheKeyItWasMadeFrom() {
        String hash = ApiKeyHasher.hash("key-made-for-matching");

        assertThat(ApiKeyHasher.matches("key-made-for-matching", hash)).isTrue();
    }

    @Test
    void aHashDoesNotMatchAnotherKey() {
        String hash = ApiKeyHasher.hash("the-right-key");

        assertThat(ApiKeyHasher.matches("the-wrong-key", hash)).isFalse();
    }

    @Test
    void aHashWithTooFewIterationsNeverMatchesEvenWithTheRightKey() throws Exception {
        byte[] salt = new byte[16];
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("weakly-hashed-key".toCharArray(), salt, 1_000, 256)).getEncoded();
        String weak = "pbkdf2-sha256$1000$" + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(derived);

        assertThat(ApiKeyHasher.matches("weakly-hashed-key", weak)).isFalse();
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(List.of("", "plain-text-key", "sha256$210000$AAAA$BBBB", "pbkdf2-sha256$many$AAAA$BBBB",
                "pbkdf2-sha256$210000$not base64!$BBBB"))
            .noneMatch(hash -> ApiKeyHasher.matches("plain-text-key", hash))
            .noneMatch(ApiKeyHasher::isWellFormed);
    }

    @Test
    void aVerifiedKeyIsNotDerivedAgainOnTheNextRequest() {
        String hash = ApiKeyHasher.hash("hot-path-key");
        ApiKeyHasher.matches("hot-path-key", hash);
        long before = ApiKeyHasher.derivations();

        for (int i = 0; i < 1_000; i++) {
            ApiKeyHasher.matches("hot-path-key", hash);
        }

        assertThat(ApiKeyHasher.derivations()).isEqualTo(before);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedEntriesUpToItsCapacity() {
        ApiKeyHasher.BoundedSet cache = new ApiKeyHasher.BoundedSet(2);
        cache.add("first");
        cache.add("second");
        cache.contains("first");
        cache.add("third");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.contains("first")).isTrue();
        assertThat(cache.contains("second")).isFalse();
        assertThat(cache.contains("third")).isTrue();
    }

    @Test
    void aRefusedKeyIsNotDerivedAgainOnTheNextRequest() {
        String hash = ApiKeyHasher.hash("some-partner-key");
        ApiKeyHasher.matches("another-partner-key", hash);
        long before = ApiKeyHasher.derivations();

        ApiKeyHasher.matches("another-partner-key", hash);

        assertThat(ApiKeyHasher.derivations()).isEqualTo(before);
    }

    /* A partner that starts sending many requests at once with a key the hub has not seen yet costs one
       PBKDF2 derivation, not one per waiting request. */
    @Test
    void concurrentFirstVerificationsOfOneKeyShareOneDerivation() throws Exception {
        String hash = ApiKeyHasher.hash("burst-key");
        long before = ApiKeyHasher.derivations();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> ApiKeyHasher.matches("burst-key", hash));
            }
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }

            assertThat(results).containsOnly(true);
            assertThat(ApiKeyHasher.derivations() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newApiKeysAreLongAndRandom() {
        String key = ApiKeyHasher.newApiKey();

        assertThat(key).hasSize(43).isNotEqualTo(ApiKeyHasher.newApiKey());
    }
}

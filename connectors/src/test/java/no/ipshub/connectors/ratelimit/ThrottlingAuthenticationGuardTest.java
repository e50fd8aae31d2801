package no.ipshub.connectors.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.ipshub.connectors.ratelimit.EdgeThrottledException.Reason;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.partners.Partner;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/* The guard around the API-key lookup, with a lookup that only counts how often it ran: a lookup is where the
   PBKDF2 derivations happen, so "not run" means "no derivation". */
class ThrottlingAuthenticationGuardTest {

    private static final String ATTACKER = "203.0.113.66";
    private static final String GOOD_KEY = "the-partners-real-key";
    private static final ApiKeyAuthentication PARTNER = ApiKeyAuthentication.partner(
            new Partner("haukeland-tsb", "Haukeland", Sector.HEALTH, "983974899", List.of()));

    private final FailedAuthenticationThrottle failures =
            new FailedAuthenticationThrottle(3, Duration.ofMinutes(1), 1000, System::nanoTime);
    private final DerivationGate gate = new DerivationGate(1, Duration.ofMillis(50), 4);
    private final ThrottlingAuthenticationGuard guard = new ThrottlingAuthenticationGuard(failures, gate);
    private final AtomicInteger lookUps = new AtomicInteger();

    @BeforeEach
    void fromTheAttackersAddress() {
        ClientAddress.set(ATTACKER);
    }

    @AfterEach
    void clear() {
        ClientAddress.clear();
    }

    private Supplier<Optional<ApiKeyAuthentication>> lookUp(Optional<ApiKeyAuthentication> answer) {
        return () -> {
            lookUps.incrementAndGet();
            return answer;
        };
    }

    private void unknownKeys(int times) {
        for (int i = 0; i < times; i++) {
            guard.authenticate("random-key-" + i, lookUp(Optional.empty()));
        }
    }

    @Test
    void anAddressThatTriedTooManyUnknownKeysIsRefusedBeforeAnyLookup() {
        unknownKeys(3);
        int before = lookUps.get();

        assertThatThrownBy(() -> guard.authenticate("yet-another-key", lookUp(Optional.empty())))
            .isInstanceOfSatisfying(EdgeThrottledException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILURES);
                assertThat(e.retryAfter()).isPositive();
            });
        assertThat(lookUps.get()).isEqualTo(before);
    }

    @Test
    void anotherAddressIsNotRefused() {
        unknownKeys(3);
        ClientAddress.set("198.51.100.20");

        assertThat(guard.authenticate("its-own-key", lookUp(Optional.of(PARTNER)))).contains(PARTNER);
    }

    @Test
    void aKeyThatAuthenticatedBeforeIsServedFromAnAddressThatIsRefused() {
        guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER)));
        unknownKeys(3);

        assertThat(guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER)))).contains(PARTNER);
    }

    @Test
    void aNewKeyIsRefusedWith503WhileEveryDerivationSlotIsTaken() {
        assertThat(gate.tryEnter()).isTrue();
        try {
            assertThatThrownBy(() -> guard.authenticate("a-new-key", lookUp(Optional.of(PARTNER))))
                .isInstanceOfSatisfying(EdgeThrottledException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DERIVATIONS_BUSY));
        } finally {
            gate.leave();
        }
    }

    @Test
    void aKnownKeyNeedsNoDerivationSlot() {
        guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER)));
        assertThat(gate.tryEnter()).isTrue();
        try {
            assertThat(guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER)))).contains(PARTNER);
        } finally {
            gate.leave();
        }
    }

    @Test
    void theSlotIsGivenBackWhenTheLookupFails() {
        assertThatThrownBy(() -> guard.authenticate("key", () -> {
            throw new IllegalStateException("directory unavailable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(gate.available()).isEqualTo(1);
    }

    @Test
    void aKeyRemovedFromThePartnersFileIsTreatedAsNewAgain() {
        guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER)));
        guard.authenticate(GOOD_KEY, lookUp(Optional.empty()));
        unknownKeys(3);

        assertThatThrownBy(() -> guard.authenticate(GOOD_KEY, lookUp(Optional.of(PARTNER))))
            .isInstanceOf(EdgeThrottledException.class);
    }

    @Test
    void keysThatTurnOutToBeKnownDoNotUseUpTheAddresssAllowance() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.authenticate("first-use-of-valid-key-" + i, lookUp(Optional.of(PARTNER)))).contains(PARTNER);
        }

        assertThat(guard.authenticate("one-more-valid-key", lookUp(Optional.of(PARTNER)))).contains(PARTNER);
    }

    @Test
    void aLookupThatFailsDoesNotCountAgainstTheAddress() {
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> guard.authenticate("key-during-outage-" + attempt, () -> {
                throw new IllegalStateException("directory unavailable");
            })).isInstanceOf(IllegalStateException.class);
        }

        assertThat(guard.authenticate("key-after-outage", lookUp(Optional.of(PARTNER)))).contains(PARTNER);
    }

    @Test
    void outsideARequestNoAddressIsThrottled() {
        ClientAddress.clear();
        unknownKeys(10);

        assertThat(guard.authenticate("next", lookUp(Optional.of(PARTNER)))).contains(PARTNER);
    }
}

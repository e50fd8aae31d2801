package no.ipshub.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ApiKeyAuthenticatorTest {

    private final List<Partner> listed = new CopyOnWriteArrayList<>();
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final ApiKeyAuthenticator authenticator;

    ApiKeyAuthenticatorTest() {
        beans.addBean("partners", new PartnerDirectory() {
            @Override
            public Optional<Partner> find(String partnerId) {
                return listed.stream().filter(p -> p.id().equals(partnerId)).findFirst();
            }

            @Override
            public List<Partner> all() {
                return listed;
            }
        });
        authenticator = new ApiKeyAuthenticator(beans.getBeanProvider(PartnerDirectory.class),
                new HubSecurityProperties(List.of()));
    }

    private static Partner partner(String id, String key) {
        return new Partner(id, id, Sector.NAV, "1203", List.of(ApiKeyHasher.hash(key)));
    }

    /* A key verified once is found among the cached verifications before any other partner's hash is derived:
       a partner listed ahead of it whose pair with this key is not (or no longer) cached costs nothing. */
    @Test
    void aKeyVerifiedBeforeCostsNoDerivationForPartnersListedAheadOfIt() {
        listed.add(partner("nav-bergenhus", "key-of-bergenhus-for-first-pass"));
        authenticator.authenticate("key-of-bergenhus-for-first-pass");
        listed.add(0, partner("nav-arstad", "key-of-arstad-for-first-pass"));
        long before = ApiKeyHasher.derivations();

        Optional<ApiKeyAuthentication> caller = authenticator.authenticate("key-of-bergenhus-for-first-pass");

        assertThat(caller.map(ApiKeyAuthentication::getName)).contains("nav-bergenhus");
        assertThat(ApiKeyHasher.derivations()).isEqualTo(before);
    }

    /* The cache holds pairs of presented key and stored hash: once a partner's stored hash is replaced (a
       rotation) or removed (a revocation), the old key's cached verification no longer applies. */
    @Test
    void aRotatedKeyIsRefusedAtOnceAfterBeingCached() {
        Partner before = partner("nav-tromso", "old-key-of-tromso");
        listed.add(before);
        assertThat(authenticator.authenticate("old-key-of-tromso")).isPresent();

        String newHash = ApiKeyHasher.hash("new-key-of-tromso");
        listed.set(listed.indexOf(before), new Partner("nav-tromso", "nav-tromso", Sector.NAV, "1203", List.of(newHash)));

        assertThat(authenticator.authenticate("old-key-of-tromso")).isEmpty();
        assertThat(authenticator.authenticate("new-key-of-tromso").map(ApiKeyAuthentication::getName))
                .contains("nav-tromso");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAfterBeingCached() {
        Partner revoked = partner("nav-alta", "key-of-alta-to-revoke");
        listed.add(revoked);
        assertThat(authenticator.authenticate("key-of-alta-to-revoke")).isPresent();

        listed.set(listed.indexOf(revoked), new Partner("nav-alta", "nav-alta", Sector.NAV, "1203", List.of()));

        assertThat(authenticator.authenticate("key-of-alta-to-revoke")).isEmpty();
    }

    @Test
    void theGuardDecidesWhetherTheLookupRuns() {
        listed.add(partner("nav-bodo", "key-of-bodo-for-guard"));
        ApiKeyAuthenticator guarded = new ApiKeyAuthenticator(beans.getBeanProvider(PartnerDirectory.class),
                new HubSecurityProperties(List.of()), (key, lookUp) -> Optional.empty());

        assertThat(guarded.authenticate("key-of-bodo-for-guard")).isEmpty();
        assertThat(authenticator.authenticate("key-of-bodo-for-guard")).isPresent();
    }
}

package no.ipshub.connectors.security;

import java.util.List;
import java.util.Optional;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Finds who an API key belongs to: a partner from the {@link PartnerDirectory} (a suspended one too, so that it
 * can be refused saying so), an account from {@code hub.security.accounts}, or one operators added at run time. Each may have
 * two valid keys during a rotation.
 *
 * <p>A key verified before is found among the cached verifications of every caller first, so it costs no PBKDF2
 * derivation even when the cache of refused pairs was flushed by a flood of unknown keys. Every lookup runs
 * through the {@link AuthenticationGuard}, which may throttle callers before any derivation.
 */
public class ApiKeyAuthenticator implements AuthenticationProvider {

    private final ObjectProvider<PartnerDirectory> partners;
    private final List<HubSecurityProperties.Account> accounts;
    private final AuthenticationGuard guard;
    private final RunTimeAccounts runTime;

    public ApiKeyAuthenticator(ObjectProvider<PartnerDirectory> partners, HubSecurityProperties properties) {
        this(partners, properties, AuthenticationGuard.NONE);
    }

    public ApiKeyAuthenticator(ObjectProvider<PartnerDirectory> partners, HubSecurityProperties properties,
            AuthenticationGuard guard) {
        this(partners, properties, guard, null);
    }

    /**
     * @param runTime the accounts operators added while the hub runs; null when there are none
     */
    public ApiKeyAuthenticator(ObjectProvider<PartnerDirectory> partners, HubSecurityProperties properties,
            AuthenticationGuard guard, RunTimeAccounts runTime) {
        this.partners = partners;
        this.accounts = properties.accounts();
        this.guard = guard;
        this.runTime = runTime;
    }

    /** The authenticated caller holding {@code apiKey}, or empty for an unknown key. */
    public Optional<ApiKeyAuthentication> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return guard.authenticate(apiKey, () -> lookUp(apiKey));
    }

    private Optional<ApiKeyAuthentication> lookUp(String apiKey) {
        PartnerDirectory directory = partners.getIfAvailable();
        List<Partner> all = directory == null ? List.of() : directory.all();
        // first pass: verifications in the cache only, so a known key never pays for the callers listed before it
        Optional<ApiKeyAuthentication> known = find(apiKey, all, ApiKeyAuthenticator::anyVerified);
        return known.isPresent() ? known : find(apiKey, all, ApiKeyAuthenticator::anyMatches);
    }

    private Optional<ApiKeyAuthentication> find(String apiKey, List<Partner> all, HashCheck check) {
        for (Partner partner : all) {
            if (check.test(apiKey, partner.apiKeyHashes())) {
                return Optional.of(ApiKeyAuthentication.partner(partner));
            }
        }
        for (HubSecurityProperties.Account account : accounts) {
            if (check.test(apiKey, account.apiKeyHashes())) {
                return Optional.of(ApiKeyAuthentication.account(account.principal()));
            }
        }
        for (HubSecurityProperties.Account account : runTime == null ? List.<HubSecurityProperties.Account>of() : runTime.all()) {
            if (check.test(apiKey, account.apiKeyHashes())) {
                return Optional.of(ApiKeyAuthentication.account(account.principal()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object key = authentication.getCredentials();
        ApiKeyAuthentication caller = authenticate(key instanceof String s ? s : null)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
        if (caller.getPrincipal() instanceof Partner partner) {
            PartnerAdmission.admit(partner, true);
        }
        return caller;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    private static boolean anyVerified(String apiKey, List<String> hashes) {
        for (String hash : hashes) {
            if (ApiKeyHasher.verifiedBefore(apiKey, hash)) {
                return true;
            }
        }
        return false;
    }

    private interface HashCheck {
        boolean test(String apiKey, List<String> hashes);
    }

    private static boolean anyMatches(String apiKey, List<String> hashes) {
        for (String hash : hashes) {
            if (ApiKeyHasher.matches(apiKey, hash)) {
                return true;
            }
        }
        return false;
    }
}

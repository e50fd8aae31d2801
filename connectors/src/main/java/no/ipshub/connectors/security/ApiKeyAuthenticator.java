package no.ipshub.connectors.security;

import java.util.List;
import java.util.Optional;
import no.ipshub.routes.partner.Partner;
import no.ipshub.routes.partner.PartnerDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Finds who an API key belongs to: a partner from the {@link PartnerDirectory} or an operator or
 * researcher account from {@code hub.security.accounts}. Each may have two valid keys during a rotation.
 */
public class ApiKeyAuthenticator implements AuthenticationProvider {

    private final ObjectProvider<PartnerDirectory> partners;
    private final List<HubSecurityProperties.Account> accounts;

    public ApiKeyAuthenticator(ObjectProvider<PartnerDirectory> partners, HubSecurityProperties properties) {
        this.partners = partners;
        this.accounts = properties.accounts();
    }

    /** The authenticated caller holding {@code apiKey}, or empty for an unknown key. */
    public Optional<ApiKeyAuthentication> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        PartnerDirectory directory = partners.getIfAvailable();
        if (directory != null) {
            for (Partner partner : directory.all()) {
                if (anyMatches(apiKey, partner.apiKeyHashes())) {
                    return Optional.of(ApiKeyAuthentication.partner(partner));
                }
            }
        }
        for (HubSecurityProperties.Account account : accounts) {
            if (anyMatches(apiKey, account.apiKeyHashes())) {
                return Optional.of(ApiKeyAuthentication.account(account.principal()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object key = authentication.getCredentials();
        return authenticate(key instanceof String s ? s : null)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
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

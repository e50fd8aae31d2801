package no.ipshub.connectors.security;

import java.util.List;
import no.ipshub.partners.Partner;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API-key caller in the security context. Before authentication it carries the presented key; once
 * authenticated the key is gone and the principal is the {@link Partner} or the {@link HubAccount}.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken implements HubAuthentication {

    private final Object principal;
    private final HubRole role;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(List.of());
        this.principal = null;
        this.role = null;
        this.presentedKey = presentedKey;
        setAuthenticated(false);
    }

    private ApiKeyAuthentication(Object principal, HubRole role) {
        super(List.of(role.authority()));
        this.principal = principal;
        this.role = role;
        super.setAuthenticated(true);
    }

    /** A request to authenticate {@code apiKey}. */
    public static ApiKeyAuthentication unauthenticated(String apiKey) {
        return new ApiKeyAuthentication(apiKey);
    }

    /** An authenticated partner. */
    public static ApiKeyAuthentication partner(Partner partner) {
        return new ApiKeyAuthentication(partner, HubRole.PARTNER);
    }

    /** An authenticated operator or researcher. */
    public static ApiKeyAuthentication account(HubAccount account) {
        return new ApiKeyAuthentication(account, account.role());
    }

    /** The {@link Partner} or {@link HubAccount}; null before authentication. */
    @Override
    public Object getPrincipal() {
        return principal;
    }

    /** The presented key before authentication, never afterwards. */
    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public HubRole role() {
        return role;
    }

    /** The partner id or account name; never the key. */
    @Override
    public String getName() {
        if (principal instanceof Partner partner) {
            return partner.id();
        }
        if (principal instanceof HubAccount account) {
            return account.name();
        }
        return "";
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only the API-key authenticator can mark a caller authenticated");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        // The default would print the credentials.
        return "ApiKeyAuthentication[" + (isAuthenticated() ? role + " " + getName() : "unauthenticated") + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package no.ipshub.connectors.security;

import java.util.List;
import no.ipshub.partners.Partner;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What an API-key caller and an access-token caller have in common once authenticated: the {@link Partner} or
 * {@link HubAccount} as principal, its role as the only authority, and a name that is never a secret. Only the
 * authenticator marks a caller authenticated, through the constructor; two tokens are equal only when they are one.
 */
abstract class HubAuthenticationToken extends AbstractAuthenticationToken implements HubAuthentication {

    private final Object principal;
    private final HubRole role;
    private final String authenticator;

    /**
     * A caller authenticated as {@code principal} with {@code role}; with a null role, one not authenticated yet.
     *
     * @param authenticator what authenticates such callers, for the refusal of {@link #setAuthenticated(boolean)}
     */
    HubAuthenticationToken(Object principal, HubRole role, String authenticator) {
        super(role == null ? List.of() : List.of(role.authority()));
        this.principal = principal;
        this.role = role;
        this.authenticator = authenticator;
        super.setAuthenticated(role != null);
    }

    /** The {@link Partner} or {@link HubAccount}; null before authentication. */
    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public HubRole role() {
        return role;
    }

    /** The partner id or account name; never a key or a token. */
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
            throw new IllegalArgumentException("Only the " + authenticator + " can mark a caller authenticated");
        }
        super.setAuthenticated(false);
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

package no.ipshub.connectors.security;

import java.util.List;
import no.ipshub.partners.Partner;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller authenticated by an access token of a trusted issuer. The principal is the {@link Partner} its
 * organisation number belongs to, or a {@link HubAccount} for an operator or researcher, just as with an API key,
 * so controllers see no difference. The token itself is not kept.
 */
public final class AccessTokenAuthentication extends AbstractAuthenticationToken implements HubAuthentication {

    private final Object principal;
    private final HubRole role;
    private final String issuer;

    private AccessTokenAuthentication(Object principal, HubRole role, String issuer) {
        super(List.of(role.authority()));
        this.principal = principal;
        this.role = role;
        this.issuer = issuer;
        super.setAuthenticated(true);
    }

    /** A partner, named by its organisation number in a token of {@code issuer}. */
    public static AccessTokenAuthentication partner(Partner partner, String issuer) {
        return new AccessTokenAuthentication(partner, HubRole.PARTNER, issuer);
    }

    /** An operator or researcher with a token of {@code issuer}. */
    public static AccessTokenAuthentication account(HubAccount account, String issuer) {
        return new AccessTokenAuthentication(account, account.role(), issuer);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    /** Nothing: the token is not kept once checked. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public HubRole role() {
        return role;
    }

    /** The name of the trusted issuer whose token this was, e.g. {@code maskinporten}. */
    public String issuer() {
        return issuer;
    }

    /** The partner id or account name. */
    @Override
    public String getName() {
        if (principal instanceof Partner partner) {
            return partner.id();
        }
        return ((HubAccount) principal).name();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Only the access-token authenticator can mark a caller authenticated");
        }
        super.setAuthenticated(false);
    }

    @Override
    public String toString() {
        return "AccessTokenAuthentication[" + role + " " + getName() + " from " + issuer + "]";
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

package no.ipshub.connectors.security;

import no.ipshub.partners.Partner;

/**
 * A caller authenticated by an access token of a trusted issuer. The principal is the {@link Partner} its
 * organisation number belongs to, or a {@link HubAccount} for an operator or researcher, just as with an API key,
 * so controllers see no difference. The token itself is not kept.
 */
public final class AccessTokenAuthentication extends HubAuthenticationToken {

    private final String issuer;

    private AccessTokenAuthentication(Object principal, HubRole role, String issuer) {
        super(principal, role, "access-token authenticator");
        this.issuer = issuer;
    }

    /** A partner, named by its organisation number in a token of {@code issuer}. */
    public static AccessTokenAuthentication partner(Partner partner, String issuer) {
        return new AccessTokenAuthentication(partner, HubRole.PARTNER, issuer);
    }

    /** An operator or researcher with a token of {@code issuer}. */
    public static AccessTokenAuthentication account(HubAccount account, String issuer) {
        return new AccessTokenAuthentication(account, account.role(), issuer);
    }

    /** Nothing: the token is not kept once checked. */
    @Override
    public Object getCredentials() {
        return "";
    }

    /** The name of the trusted issuer whose token this was, e.g. {@code maskinporten}. */
    public String issuer() {
        return issuer;
    }

    @Override
    public String toString() {
        return "AccessTokenAuthentication[" + role() + " " + getName() + " from " + issuer + "]";
    }
}

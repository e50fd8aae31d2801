package no.ipshub.connectors.security;

import no.ipshub.partners.Partner;

/**
 * An API-key caller in the security context. Before authentication it carries the presented key; once
 * authenticated the key is gone and the principal is the {@link Partner} or the {@link HubAccount}.
 */
public final class ApiKeyAuthentication extends HubAuthenticationToken {

    private static final String AUTHENTICATOR = "API-key authenticator";

    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(null, null, AUTHENTICATOR);
        this.presentedKey = presentedKey;
    }

    private ApiKeyAuthentication(Object principal, HubRole role) {
        super(principal, role, AUTHENTICATOR);
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

    /** The presented key before authentication, never afterwards. */
    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        // The default would print the credentials.
        return "ApiKeyAuthentication[" + (isAuthenticated() ? role() + " " + getName() : "unauthenticated") + "]";
    }
}

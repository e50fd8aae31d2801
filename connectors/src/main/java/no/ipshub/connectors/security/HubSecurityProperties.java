package no.ipshub.connectors.security;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hub.security.*} settings: operator and researcher accounts with the hashes of their API keys, and
 * the issuers whose access tokens the hub trusts. Partners are not listed here; they live in the partner directory.
 *
 * @param accounts     the operator and researcher accounts; none by default
 * @param tokenIssuers the trusted token issuers (Maskinporten, HelseID, ...); none by default, and then the hub
 *                     accepts API keys only
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(List<Account> accounts, List<TokenIssuer> tokenIssuers) {

    @ConstructorBinding
    public HubSecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        tokenIssuers = tokenIssuers == null ? List.of() : List.copyOf(tokenIssuers);
        Set<String> names = new HashSet<>();
        for (Account account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException("hub.security.accounts lists '" + account.name() + "' twice");
            }
        }
        Set<String> issuers = new HashSet<>();
        for (TokenIssuer issuer : tokenIssuers) {
            if (!issuers.add(issuer.issuerUri())) {
                throw new IllegalArgumentException("hub.security.token-issuers lists " + issuer.issuerUri() + " twice");
            }
        }
    }

    /** Accounts only, no token issuers. */
    public HubSecurityProperties(List<Account> accounts) {
        this(accounts, List.of());
    }

    /**
     * One issuer of access tokens the hub trusts. Its tokens must be signed with a key of its JWKS, name it as
     * {@code iss}, name {@code audience} in {@code aud}, and be within {@code exp} and {@code nbf} (give or take
     * {@code clockSkew}). A token's scope gives the caller's role; a partner's token names the partner's organisation
     * number in {@code organisationClaim}.
     *
     * @param name              a short name, e.g. {@code maskinporten}; names operators and researchers signed in
     *                          with its tokens ({@code maskinporten:<organisation>})
     * @param issuerUri         the issuer exactly as its tokens carry it in {@code iss}, e.g.
     *                          {@code https://maskinporten.no/}
     * @param jwksUri           where its signing keys are; blank to find them from the issuer's metadata
     *                          ({@code <issuer>/.well-known/openid-configuration})
     * @param audience          what its tokens for this hub carry in {@code aud}
     * @param organisationClaim the claim naming the calling organisation; a dotted path reaches into an object
     *                          ({@code consumer.ID} for Maskinporten, whose value is {@code 0192:<organisation
     *                          number>}), and a claim whose own name has dots is found by that name first
     * @param scopes            the scopes that give each role
     * @param clockSkew         how far {@code exp} and {@code nbf} may be off
     * @param jwksRefetchInterval the least time between two fetches of the issuer's keys (or metadata): a token
     *                          with a key id the hub does not know fetches them again only when the last fetch is
     *                          older, so unknown key ids cannot make the hub hammer the issuer
     */
    public record TokenIssuer(String name, String issuerUri, String jwksUri, String audience,
            @DefaultValue(MASKINPORTEN_ORGANISATION_CLAIM) String organisationClaim, @DefaultValue RoleScopes scopes,
            @DefaultValue("30s") Duration clockSkew, @DefaultValue("5s") Duration jwksRefetchInterval) {

        /** Maskinporten's claim naming the organisation a token was issued to. */
        public static final String MASKINPORTEN_ORGANISATION_CLAIM = "consumer.ID";

        public TokenIssuer {
            String at = "hub.security.token-issuers[" + (name == null ? "?" : name) + "]";
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Every entry in hub.security.token-issuers needs a name");
            }
            requireHttpUri(at + ".issuer-uri", issuerUri, true);
            requireHttpUri(at + ".jwks-uri", jwksUri, false);
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException(at + ".audience is required: tokens for other services must not pass");
            }
            if (organisationClaim == null || organisationClaim.isBlank()) {
                organisationClaim = MASKINPORTEN_ORGANISATION_CLAIM;
            }
            scopes = scopes == null ? new RoleScopes(null, null, null) : scopes;
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
            jwksRefetchInterval = jwksRefetchInterval == null ? Duration.ofSeconds(5) : jwksRefetchInterval;
            if (jwksRefetchInterval.isNegative()) {
                throw new IllegalArgumentException(at + ".jwks-refetch-interval must not be negative");
            }
            jwksUri = jwksUri == null || jwksUri.isBlank() ? null : jwksUri;
        }

        /** The role the scope gives, or null for a scope this issuer's configuration does not name. */
        public HubRole roleOf(String scope) {
            if (scope.equals(scopes.partner())) {
                return HubRole.PARTNER;
            }
            if (scope.equals(scopes.operator())) {
                return HubRole.OPERATOR;
            }
            if (scope.equals(scopes.researcher())) {
                return HubRole.RESEARCHER;
            }
            return null;
        }

        private static void requireHttpUri(String key, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw new IllegalArgumentException(key + " is required");
                }
                return;
            }
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " is not a URI: " + e.getMessage());
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(key + " must be an https (or http) URI, was " + value);
            }
        }
    }

    /**
     * The scopes that give each role; a role whose scope is blank is never given by tokens of that issuer.
     *
     * @param partner    e.g. {@code nav:ips-hub/partner}
     * @param operator   e.g. {@code nav:ips-hub/operator}
     * @param researcher e.g. {@code nav:ips-hub/research}
     */
    public record RoleScopes(String partner, String operator, String researcher) {

        public RoleScopes {
            partner = blankToNull(partner);
            operator = blankToNull(operator);
            researcher = blankToNull(researcher);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /**
     * One account.
     *
     * @param name         the account name, unique among accounts
     * @param role         OPERATOR, RESEARCHER or TABLE_READER
     * @param apiKeyHashes hashes made by {@link ApiKeyHasher}; two while a key is being rotated
     */
    public record Account(String name, HubRole role, List<String> apiKeyHashes) {

        public Account {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Every entry in hub.security.accounts needs a name");
            }
            if (role != HubRole.OPERATOR && role != HubRole.RESEARCHER && role != HubRole.TABLE_READER) {
                throw new IllegalArgumentException(
                        "Account '" + name + "' must have role OPERATOR, RESEARCHER or TABLE_READER, not " + role);
            }
            apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
            for (String hash : apiKeyHashes) {
                if (!ApiKeyHasher.isWellFormed(hash)) {
                    throw new IllegalArgumentException("Account '" + name + "' has an API key hash that is not in the "
                            + ApiKeyHasher.SCHEME + " format with at least " + ApiKeyHasher.MIN_ITERATIONS
                            + " iterations");
                }
            }
        }

        /** Counts the hashes instead of printing them: hashes stay out of logs. */
        @Override
        public String toString() {
            return "Account[name=" + name + ", role=" + role + ", apiKeyHashes=" + apiKeyHashes.size() + "]";
        }

        /** The principal for this account. */
        public HubAccount principal() {
            return new HubAccount(name, role);
        }
    }
}

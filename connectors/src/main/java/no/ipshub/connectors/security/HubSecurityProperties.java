package no.ipshub.connectors.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code hub.security.*} settings: operator and researcher accounts with the hashes of their API keys.
 * Partners are not listed here; their keys live in the partners file.
 *
 * @param accounts the operator and researcher accounts; none by default
 */
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(List<Account> accounts) {

    public HubSecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        Set<String> names = new HashSet<>();
        for (Account account : accounts) {
            if (!names.add(account.name())) {
                throw new IllegalArgumentException("hub.security.accounts lists '" + account.name() + "' twice");
            }
        }
    }

    /**
     * One account.
     *
     * @param name         the account name, unique among accounts
     * @param role         OPERATOR or RESEARCHER
     * @param apiKeyHashes hashes made by {@link ApiKeyHasher}; two while a key is being rotated
     */
    public record Account(String name, HubRole role, List<String> apiKeyHashes) {

        public Account {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Every entry in hub.security.accounts needs a name");
            }
            if (role != HubRole.OPERATOR && role != HubRole.RESEARCHER) {
                throw new IllegalArgumentException(
                        "Account '" + name + "' must have role OPERATOR or RESEARCHER, not " + role);
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

package no.ipshub.connectors.security;

import java.util.Objects;

/**
 * An authenticated operator or researcher, the principal of their requests.
 *
 * @param name the account name from {@code hub.security.accounts}, shown in audit trails
 * @param role {@link HubRole#OPERATOR} or {@link HubRole#RESEARCHER}
 */
public record HubAccount(String name, HubRole role) {

    public HubAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}

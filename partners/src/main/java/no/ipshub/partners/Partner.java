package no.ipshub.partners;

import java.util.List;
import java.util.Objects;
import no.ipshub.schemas.v1.Sector;

/**
 * A partner system connected to the hub: a health-trust treatment team or a NAV office.
 *
 * @param id                the partner id used in messages and topic names, lower-case letters, digits and dashes
 * @param displayName       a name for people, e.g. "Haukeland universitetssjukehus, TSB"
 * @param sector            HEALTH for treatment teams, NAV for NAV offices
 * @param organisation      the organisation number (HEALTH, nine digits) or the NAV unit number (NAV, four digits)
 * @param apiKeyHashes      hashes of the partner's valid API keys; two during a key rotation, never a key in clear
 * @param tokenOrganisation the nine-digit organisation number its access tokens carry (Maskinporten's consumer,
 *                          HelseID's organisation number); null when it cannot use tokens
 * @param status            whether it takes part now
 * @param apiKeysEnabled    false when an operator switched its API keys off, so that only tokens authenticate it
 */
public record Partner(String id, String displayName, Sector sector, String organisation, List<String> apiKeyHashes,
        String tokenOrganisation, PartnerStatus status, boolean apiKeysEnabled) {

    public Partner {
        apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
        status = Objects.requireNonNullElse(status, PartnerStatus.ACTIVE);
    }

    /** An active partner with API keys on, whose tokens (if any) carry its organisation number when it is one. */
    public Partner(String id, String displayName, Sector sector, String organisation, List<String> apiKeyHashes) {
        this(id, displayName, sector, organisation, apiKeyHashes,
                sector == Sector.HEALTH ? organisation : null, PartnerStatus.ACTIVE, true);
    }

    /** Whether it may send and receive messages now. */
    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }

    /** The same partner with another status. */
    public Partner withStatus(PartnerStatus newStatus) {
        return new Partner(id, displayName, sector, organisation, apiKeyHashes, tokenOrganisation, newStatus,
                apiKeysEnabled);
    }

    /** Counts the key hashes instead of printing them: hashes stay out of logs. */
    @Override
    public String toString() {
        return "Partner[id=" + id + ", sector=" + sector + ", organisation=" + organisation + ", tokenOrganisation="
                + tokenOrganisation + ", status=" + status + ", apiKeysEnabled=" + apiKeysEnabled + ", apiKeyHashes="
                + apiKeyHashes.size() + "]";
    }
}

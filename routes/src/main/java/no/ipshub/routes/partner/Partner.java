package no.ipshub.routes.partner;

import java.util.List;
import no.ipshub.schemas.v1.Sector;

/**
 * A partner system connected to the hub: a health-trust treatment team or a NAV office.
 *
 * @param id           the partner id used in messages and topic names, lower-case letters, digits and dashes
 * @param displayName  a name for people, e.g. "Haukeland universitetssjukehus, TSB"
 * @param sector       HEALTH for treatment teams, NAV for NAV offices
 * @param organisation the organisation number (HEALTH, nine digits) or the NAV unit number (NAV, four digits)
 * @param apiKeyHashes hashes of the partner's valid API keys; two during a key rotation, never a key in clear
 */
public record Partner(String id, String displayName, Sector sector, String organisation, List<String> apiKeyHashes) {

    public Partner {
        apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
    }
}

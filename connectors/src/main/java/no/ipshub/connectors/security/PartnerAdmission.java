package no.ipshub.connectors.security;

import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerStatus;
import org.springframework.http.HttpStatus;

/** Whether an authenticated partner may act now, the same for API keys and access tokens. */
final class PartnerAdmission {

    static final String SUSPENDED = "This partner is suspended: the hub accepts no request from it until an operator "
            + "reinstates it.";
    static final String REMOVED = "This partner has been removed from the hub.";
    static final String KEYS_OFF = "API keys are switched off for this partner: authenticate with an access token.";

    private PartnerAdmission() {
    }

    /**
     * Checks the partner's status, and its API-key switch when it came with a key.
     *
     * @throws CallerRefusedException 403 for a suspended partner, 401 for a removed one or a key that is switched off
     */
    static Partner admit(Partner partner, boolean byApiKey) {
        if (partner.status() == PartnerStatus.REMOVED) {
            throw new CallerRefusedException(HttpStatus.UNAUTHORIZED, REMOVED);
        }
        if (partner.status() == PartnerStatus.SUSPENDED) {
            throw new CallerRefusedException(HttpStatus.FORBIDDEN, SUSPENDED);
        }
        if (byApiKey && !partner.apiKeysEnabled()) {
            throw new CallerRefusedException(HttpStatus.UNAUTHORIZED, KEYS_OFF);
        }
        return partner;
    }
}

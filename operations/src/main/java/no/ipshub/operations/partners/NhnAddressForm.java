package no.ipshub.operations.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.http.Problems;

/**
 * A partner's address on Norsk helsenett as an operator gives it.
 *
 * @param herId             the HER-id of the partner's communication party in the address register (required)
 * @param organisationHerId the HER-id of its organisation; left out, envelopes from any organisation with
 *                          {@code herId} are the partner's
 * @param deliverOverNhn    send it the messages addressed to it as Dialogmelding over Norsk helsenett; false when
 *                          left out
 */
public record NhnAddressForm(Long herId, Long organisationHerId, Boolean deliverOverNhn) {

    /** HER-ids are positive 32-bit numbers in the EDI 2.0 API. */
    static final long MAX_HER_ID = Integer.MAX_VALUE;

    List<Map<String, String>> problems() {
        List<Map<String, String>> problems = new ArrayList<>();
        if (herId == null) {
            problems.add(Problems.error("herId", "is required"));
        } else if (herId < 1 || herId > MAX_HER_ID) {
            problems.add(Problems.error("herId", "must be a HER-id: a whole number from 1 to " + MAX_HER_ID));
        }
        if (organisationHerId != null && (organisationHerId < 1 || organisationHerId > MAX_HER_ID)) {
            problems.add(Problems.error("organisationHerId", "must be a HER-id: a whole number from 1 to " + MAX_HER_ID));
        }
        return problems;
    }
}

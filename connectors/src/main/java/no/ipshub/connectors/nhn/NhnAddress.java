package no.ipshub.connectors.nhn;

/**
 * A partner's address on Norsk helsenett.
 *
 * @param partnerId         the partner
 * @param herId             the HER-id of its communication party (the department or service messages go to)
 * @param organisationHerId the HER-id of its organisation; null when not given (then any is accepted)
 * @param deliverOverNhn    whether the hub sends it the messages addressed to it as Dialogmelding over Norsk
 *                          helsenett (besides its inbox)
 */
public record NhnAddress(String partnerId, long herId, Long organisationHerId, boolean deliverOverNhn) {
}

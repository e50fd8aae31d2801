package no.ipshub.connectors.nhn;

/**
 * The hub as a communication party on Norsk helsenett.
 *
 * @param herId the hub's own HER-id in the address register; null when it has none yet (receipts then name none)
 * @param name  the name receipts and envelopes give the hub
 */
public record NhnIdentity(Long herId, String name) {
}

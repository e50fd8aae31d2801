/**
 * The bounds of the contracts' string fields: for each field of {@code HubMessage} and its payloads that holds text,
 * the most characters it may have and which characters. The hub enforces them on every message, over HTTP and
 * Kafka alike, and the contract sheets and the schemas README list them from here.
 */
package no.ipshub.schemas.bounds;

/**
 * The JSON form of {@code HubMessage} used at the HTTP edge: the Avro field names, ISO-8601 dates and
 * instants, and the payload as an object with a {@code "type"} discriminator.
 */
package no.ipshub.schemas.json;

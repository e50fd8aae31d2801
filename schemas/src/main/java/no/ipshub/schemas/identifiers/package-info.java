/**
 * Generators of synthetic, checksum-valid Norwegian identifiers for the demo simulator and for tests.
 */
package no.ipshub.schemas.identifiers;

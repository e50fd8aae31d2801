/**
 * Every released version of the hub's top-level contracts, kept as standalone Avro schema files under
 * {@code released/<contract>/v<N>.avsc} so that compatibility can be proven against each of them and the
 * schema registry can be seeded with them.
 */
package no.ipshub.schemas.released;

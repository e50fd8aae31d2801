/**
 * The operators' side of the dead-letter queue: the {@code dead-letter-index} route that keeps every
 * {@code DeadLetter} in a table, and {@code /api/v1/ops/deadletters} to browse, inspect, replay and discard them.
 */
package no.ipshub.operations.deadletter;

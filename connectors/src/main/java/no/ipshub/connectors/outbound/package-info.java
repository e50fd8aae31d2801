/**
 * What the two outbound connectors, webhooks and Norsk helsenett, share: reading the messages of an inbox batch that
 * their partners receive, and the columns and counts of their outbox tables.
 */
package no.ipshub.connectors.outbound;

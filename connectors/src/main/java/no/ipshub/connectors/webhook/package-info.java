/**
 * Outbound webhooks: a partner registers an HTTPS endpoint, and the hub POSTs each message of its inbox there,
 * signed with HMAC-SHA256, retried with back-off, parked for operators after too many failures.
 */
package no.ipshub.connectors.webhook;

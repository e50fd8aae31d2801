/**
 * Request-rate limits of the HTTP edge: a token bucket per partner and per operator or researcher account,
 * throttling of unknown API keys per client address before any PBKDF2 derivation, and a global cap on
 * concurrent derivations. All state is in memory and per hub instance.
 */
package no.ipshub.connectors.ratelimit;

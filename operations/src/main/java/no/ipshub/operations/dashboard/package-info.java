/**
 * The operations dashboard ({@code /ops}) and its JSON twin ({@code /api/v1/ops/...}): routes and their
 * throughput, consumer lag, dead letters, partners' last activity, registry subjects and health, plus the
 * operators' browser login.
 */
package no.ipshub.operations.dashboard;

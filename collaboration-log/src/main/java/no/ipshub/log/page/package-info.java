/**
 * The research page at {@code /research} for researchers and table readers: drawn from the research API's own
 * answers, so every figure is suppressed, checked for differencing and audited as there.
 */
package no.ipshub.log.page;

/**
 * Format and checksum validators for the Norwegian identifiers and codes the contracts carry:
 * fødselsnummer and D-nummer, organisation numbers, NAV unit numbers, STYRK-08 codes and HPR numbers.
 *
 * <p>Each validator has {@code isValid(String)} and {@code problem(String)}; the problem text describes
 * what is wrong without ever repeating the value, so it can go into logs, dead letters and HTTP errors.
 * Values are checked as given: callers strip spaces or separators first.
 */
package no.ipshub.schemas.validation;

package no.ipshub.log.cases;

import java.time.LocalDate;

/**
 * A stretch of days during which one job specialist had a case: from the case's start (when its starting entry names
 * them) or the handover to them, to the handover away, the case's closure, or the observation end.
 *
 * @param specialistKey the job specialist's pseudonym
 * @param first         the first day they had the case
 * @param last          the last day: that of the handover away or the closure, or the observation end
 * @param ended         true when a handover or the closure ended it; false when it was still running at the
 *                      observation end (censored there)
 */
public record SpecialistAssignment(String specialistKey, LocalDate first, LocalDate last, boolean ended) {
}

package no.ipshub.log.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.Sector;

/**
 * What one message contributes to the log, already pseudonymised, before the case it belongs to is known:
 * everything of a {@code CollaborationLogEntry} except the participant and case facts that come from the
 * referral. Holds no national id and no free text.
 *
 * @param entryId                    the entry id derived from the message id
 * @param caseKey                    the case's pseudonym
 * @param kind                       what happened
 * @param eventDate                  the day it happened
 * @param recordedAt                 when the sender recorded the message
 * @param senderSector               the sender's sector
 * @param senderOrganisation         the sender's organisation or NAV unit number
 * @param recipientSector            the recipient's sector
 * @param recipientOrganisation      the recipient's organisation or NAV unit number
 * @param employerOrganisationNumber the employer of a contact or job; null when none
 * @param styrkCode                  STYRK-08 code of a job; null when none
 * @param hoursPerWeek               hours per week of a job; null when none
 * @param hourlyWage                 hourly wage of a job; null when none
 * @param competitive                competitive work; null when not a job
 * @param permanent                  permanent position; null when not a job
 * @param wageSubsidy                wage subsidy; null when not a job
 * @param rejectionReason            reason code of a rejected referral; null otherwise
 * @param jobSpecialistKey           the pseudonym of the job specialist a handover gives the case to; null otherwise
 * @param navMeasureCode             NAV's measure code of a measure change; null otherwise
 * @param measureEndDate             the last day of that measure; null when open-ended or not a measure change
 * @param closureReason              why the episode closed; null when not given or not a closure
 * @param jobEndReason               why the job ended; null when not given or not a job end
 */
public record EventDraft(
        String entryId,
        String caseKey,
        CollaborationEventKind kind,
        LocalDate eventDate,
        Instant recordedAt,
        Sector senderSector,
        String senderOrganisation,
        Sector recipientSector,
        String recipientOrganisation,
        String employerOrganisationNumber,
        String styrkCode,
        Double hoursPerWeek,
        BigDecimal hourlyWage,
        Boolean competitive,
        Boolean permanent,
        Boolean wageSubsidy,
        String rejectionReason,
        String jobSpecialistKey,
        String navMeasureCode,
        LocalDate measureEndDate,
        ClosureReason closureReason,
        JobEndReason jobEndReason) {
}

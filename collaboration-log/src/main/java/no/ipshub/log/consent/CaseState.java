package no.ipshub.log.consent;

import java.time.LocalDate;
import no.ipshub.log.mapping.CaseOpening;
import no.ipshub.log.mapping.LogEvent;

/**
 * What the log remembers of a case, pseudonymously: its participant, consent and the referral's facts. For a
 * withdrawn case only the two pseudonyms and the status are kept.
 *
 * @param caseKey          the case's pseudonym
 * @param participantKey   the participant's pseudonym
 * @param status           whether the case's events are logged
 * @param team             partner id of the treatment team; null when withdrawn
 * @param navOffice        partner id of the NAV office; null when withdrawn
 * @param referralDate     the day of the referral; null when withdrawn, or reopened by consent given again (the
 *                         referral's facts were deleted with the withdrawal)
 * @param jobSpecialistKey the job specialist's pseudonym; null when not assigned or withdrawn
 */
public record CaseState(
        String caseKey,
        String participantKey,
        CaseStatus status,
        String team,
        String navOffice,
        LocalDate referralDate,
        String jobSpecialistKey) {

    static CaseState consented(String caseKey, CaseOpening opening) {
        return new CaseState(caseKey, opening.participantKey(), CaseStatus.CONSENTED, opening.team(),
                opening.navOffice(), opening.referralDate(), opening.jobSpecialistKey());
    }

    /** A case whose participant gave consent again: logged from then on, without its deleted referral facts. */
    static CaseState reopened(String caseKey, String participantKey, LogEvent.CaseParties parties) {
        return new CaseState(caseKey, participantKey, CaseStatus.CONSENTED, parties.team(), parties.navOffice(), null, null);
    }

    /** The same case held from now on by another job specialist. */
    CaseState handedTo(String specialistKey) {
        return new CaseState(caseKey, participantKey, status, team, navOffice, referralDate, specialistKey);
    }

    static CaseState withdrawn(String caseKey, String participantKey) {
        return new CaseState(caseKey, participantKey, CaseStatus.WITHDRAWN, null, null, null, null);
    }
}

package no.ipshub.log.mapping;

import java.time.LocalDate;

/**
 * The pseudonymised facts a referral gives about its case, which later follow-ups and outcomes inherit.
 *
 * @param participantKey   the participant's pseudonym
 * @param researchConsent  whether the participant consented to research use
 * @param team             partner id of the treatment team
 * @param navOffice        partner id of the NAV office
 * @param referralDate     the day of the referral
 * @param jobSpecialistKey the job specialist's pseudonym; null when not assigned
 */
public record CaseOpening(
        String participantKey,
        boolean researchConsent,
        String team,
        String navOffice,
        LocalDate referralDate,
        String jobSpecialistKey) {
}

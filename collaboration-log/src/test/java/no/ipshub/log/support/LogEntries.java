package no.ipshub.log.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.Sector;

/**
 * Log entries for the measures' hand-computed scenarios: one case with its participant, team, NAV office,
 * referral date and job specialist, and entries of any kind on any day.
 *
 * @param caseKey        the case's key
 * @param participantKey the participant's key
 * @param team           the treatment team
 * @param navOffice      the NAV office
 * @param referralDate   the referral date; null for a case that came back by consent given again
 * @param specialist     the job specialist's key; null when none
 */
public record LogEntries(String caseKey, String participantKey, String team, String navOffice, String referralDate,
        String specialist) {

    public CollaborationLogEntry event(CollaborationEventKind kind, String date) {
        return builder(kind, date).build();
    }

    public CollaborationLogEntry job(CollaborationEventKind kind, String date, String employer, String styrk,
            boolean competitive, boolean permanent, double hours) {
        return builder(kind, date).setEmployerOrganisationNumber(employer).setStyrkCode(styrk).setHoursPerWeek(hours)
                .setCompetitive(competitive).setPermanent(permanent).setWageSubsidy(false).build();
    }

    public CollaborationLogEntry.Builder builder(CollaborationEventKind kind, String date) {
        return CollaborationLogEntry.newBuilder()
                .setEntryId(UUID.randomUUID().toString())
                .setProject("test")
                .setParticipantKey(participantKey)
                .setCaseKey(caseKey)
                .setEventKind(kind)
                .setEventDate(LocalDate.parse(date))
                .setReferralDate(referralDate == null ? null : LocalDate.parse(referralDate))
                .setRecordedAt(Instant.parse(date + "T10:00:00Z"))
                .setSenderSector(Sector.HEALTH)
                .setSenderOrganisation("974557746")
                .setRecipientSector(Sector.NAV)
                .setRecipientOrganisation("1201")
                .setTeam(team)
                .setNavOffice(navOffice)
                .setJobSpecialistKey(specialist);
    }
}

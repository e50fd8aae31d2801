package no.ipshub.log.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/** A log entry as the research API and the CSV export show it: the fields of {@code CollaborationLogEntry}. */
public record EntryView(
        String entryId,
        String project,
        String participantKey,
        String caseKey,
        String eventKind,
        LocalDate eventDate,
        LocalDate referralDate,
        Instant recordedAt,
        String senderSector,
        String senderOrganisation,
        String recipientSector,
        String recipientOrganisation,
        String team,
        String navOffice,
        String jobSpecialistKey,
        String employerOrganisationNumber,
        String styrkCode,
        Double hoursPerWeek,
        BigDecimal hourlyWage,
        Boolean competitive,
        Boolean permanent,
        Boolean wageSubsidy,
        String rejectionReason,
        String previousJobSpecialistKey,
        String navMeasureCode,
        LocalDate measureEndDate,
        String closureReason,
        String jobEndReason) {

    /** The CSV header, in field order. */
    static final List<String> COLUMNS = List.of("entryId", "project", "participantKey", "caseKey", "eventKind",
            "eventDate", "referralDate", "recordedAt", "senderSector", "senderOrganisation", "recipientSector",
            "recipientOrganisation", "team", "navOffice", "jobSpecialistKey", "employerOrganisationNumber", "styrkCode",
            "hoursPerWeek", "hourlyWage", "competitive", "permanent", "wageSubsidy", "rejectionReason",
            "previousJobSpecialistKey", "navMeasureCode", "measureEndDate", "closureReason", "jobEndReason");

    static EntryView of(CollaborationLogEntry e) {
        return new EntryView(e.getEntryId(), e.getProject(), e.getParticipantKey(), e.getCaseKey(),
                e.getEventKind().name(), e.getEventDate(), e.getReferralDate(), e.getRecordedAt(),
                e.getSenderSector().name(), e.getSenderOrganisation(), e.getRecipientSector().name(),
                e.getRecipientOrganisation(), e.getTeam(), e.getNavOffice(), e.getJobSpecialistKey(),
                e.getEmployerOrganisationNumber(), e.getStyrkCode(), e.getHoursPerWeek(), e.getHourlyWage(),
                e.getCompetitive(), e.getPermanent(), e.getWageSubsidy(), e.getRejectionReason(),
                e.getPreviousJobSpecialistKey(), e.getNavMeasureCode(), e.getMeasureEndDate(),
                e.getClosureReason() == null ? null : e.getClosureReason().name(),
                e.getJobEndReason() == null ? null : e.getJobEndReason().name());
    }

    /** The values in {@link #COLUMNS} order, as text; empty for null. */
    List<String> csvValues() {
        return List.of(text(entryId), text(project), text(participantKey), text(caseKey), text(eventKind),
                text(eventDate), text(referralDate), text(recordedAt), text(senderSector), text(senderOrganisation),
                text(recipientSector), text(recipientOrganisation), text(team), text(navOffice), text(jobSpecialistKey),
                text(employerOrganisationNumber), text(styrkCode), text(hoursPerWeek),
                hourlyWage == null ? "" : hourlyWage.toPlainString(), text(competitive), text(permanent),
                text(wageSubsidy), text(rejectionReason), text(previousJobSpecialistKey), text(navMeasureCode),
                text(measureEndDate), text(closureReason), text(jobEndReason));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

package no.ipshub.log.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * A job of a case: started by a {@code JOB_STARTED} entry and ended by the next {@code JOB_ENDED} of the case
 * (same employer when both name one).
 *
 * @param start       the first day
 * @param end         the last day; null while the job goes on
 * @param hours       hours per week; null when not stated
 * @param employer    the employer's organisation number; null when not stated
 * @param styrkCode   the STYRK-08 occupation; null when not stated
 * @param competitive true for competitive work; null when not stated
 * @param permanent   true for a permanent position; null when not stated
 * @param wage        the gross hourly wage in NOK; null when not stated
 */
public record Job(LocalDate start, LocalDate end, Double hours, String employer, String styrkCode, Boolean competitive,
        Boolean permanent, java.math.BigDecimal wage) {

    /** The jobs of a case's entries, given in case order. */
    public static List<Job> of(List<CollaborationLogEntry> events) {
        List<Job> jobs = new ArrayList<>();
        List<CollaborationLogEntry> endings = new ArrayList<>(events.stream()
                .filter(e -> e.getEventKind() == CollaborationEventKind.JOB_ENDED).toList());
        for (CollaborationLogEntry started : events) {
            if (started.getEventKind() != CollaborationEventKind.JOB_STARTED) {
                continue;
            }
            CollaborationLogEntry ended = endings.stream()
                    .filter(e -> !e.getEventDate().isBefore(started.getEventDate()))
                    .filter(e -> started.getEmployerOrganisationNumber() == null || e.getEmployerOrganisationNumber() == null
                            || started.getEmployerOrganisationNumber().equals(e.getEmployerOrganisationNumber()))
                    .findFirst().orElse(null);
            if (ended != null) {
                endings.remove(ended);
            }
            jobs.add(new Job(started.getEventDate(), ended == null ? null : ended.getEventDate(), started.getHoursPerWeek(),
                    started.getEmployerOrganisationNumber(), started.getStyrkCode(), started.getCompetitive(),
                    started.getPermanent(), started.getHourlyWage()));
        }
        return jobs;
    }

    /** True when the job had begun by {@code day} and had not ended before it. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}

package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.log.cases.SpecialistAssignment;

/**
 * A job specialist's tenure on a treatment team, read from the log's events: from the first day a case of the team
 * has them to the last day one does. Defined in {@code docs/indicators.md}, Job specialist tenure and turnover.
 *
 * @param team          the treatment team
 * @param specialistKey the job specialist's pseudonym
 * @param first         the first day a case of the team had them
 * @param last          the last day one did: the day of the last handover away or closure, or the observation end
 * @param left          true when no case of the team had them any more at the observation end; false when the
 *                      tenure is censored there
 */
public record SpecialistTenure(String team, String specialistKey, LocalDate first, LocalDate last, boolean left) {

    /** The tenures behind the cases' assignments up to {@code observedTo}, by team, first day and specialist. */
    public static List<SpecialistTenure> of(Collection<LoggedCase> cases, LocalDate observedTo) {
        Map<List<String>, SpecialistTenure> tenures = new LinkedHashMap<>();
        for (LoggedCase c : cases) {
            for (SpecialistAssignment a : c.specialistAssignments(observedTo)) {
                SpecialistTenure one = new SpecialistTenure(c.team(), a.specialistKey(), a.first(), a.last(), a.ended());
                tenures.merge(List.of(c.team(), a.specialistKey()), one, SpecialistTenure::join);
            }
        }
        List<SpecialistTenure> sorted = new ArrayList<>(tenures.values());
        sorted.sort(Comparator.comparing(SpecialistTenure::team).thenComparing(SpecialistTenure::first)
                .thenComparing(SpecialistTenure::specialistKey));
        return sorted;
    }

    /** One tenure over two of the same specialist on the same team: it has left only when neither still runs. */
    public SpecialistTenure join(SpecialistTenure other) {
        return new SpecialistTenure(team, specialistKey, first.isBefore(other.first) ? first : other.first,
                last.isAfter(other.last) ? last : other.last, left && other.left);
    }

    /** Days from the first to the last day: the time followed, to the leaving or to the censoring. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last);
    }

    /** True when some day of {@code [start, end]} lies in the tenure. */
    public boolean activeIn(LocalDate start, LocalDate end) {
        return !first.isAfter(end) && !last.isBefore(start);
    }

    /** True when the tenure began in {@code [start, end]}. */
    public boolean startedIn(LocalDate start, LocalDate end) {
        return !first.isBefore(start) && !first.isAfter(end);
    }

    /** True when the specialist left the team in {@code [start, end]}. */
    public boolean leftIn(LocalDate start, LocalDate end) {
        return left && !last.isBefore(start) && !last.isAfter(end);
    }

    /** The days of {@code [start, end]} in the tenure, both ends included. */
    public long daysIn(LocalDate start, LocalDate end) {
        LocalDate from = first.isAfter(start) ? first : start;
        LocalDate to = last.isBefore(end) ? last : end;
        return Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
    }
}

package no.ipshub.log.pairs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * The cases of one treatment team and NAV office pair that started in a period, each as a timeline of its events
 * in days from its start (day 0: the referral, or the consent given again of a case that came back). When the
 * pair's cases have fewer participants than the threshold, no calendar date and no case pseudonym is shown (cases
 * are numbered instead), so a timeline cannot be tied to a person's dated entries.
 *
 * @param team          partner id of the treatment team
 * @param navOffice     partner id of the NAV office
 * @param from          first day of the period (on start dates)
 * @param to            last day of the period; events after it are not shown
 * @param minCellSize   the threshold applied
 * @param participants  how many participants the timelines are of; null when under the threshold
 * @param calendarDates whether calendar dates and case pseudonyms are shown
 * @param cases         the timelines, by start date
 */
public record PairTimelines(String team, String navOffice, LocalDate from, LocalDate to, int minCellSize, Integer participants,
        boolean calendarDates, List<Timeline> cases) {

    /**
     * One case.
     *
     * @param label     the case's pseudonym, or {@code case-<n>} when dates are withheld
     * @param startDate the referral date or the date consent was given again; null when dates are withheld
     * @param startedBy REFERRAL or CONSENT_GIVEN
     * @param events    the case's events in order
     */
    public record Timeline(String label, LocalDate startDate, String startedBy, List<Event> events) {
    }

    /**
     * One event of a timeline.
     *
     * @param day  days from the case's start
     * @param kind the event kind
     */
    public record Event(long day, String kind) {
    }

    /** The timelines of the pair's cases that started in {@code [from, to]}. */
    public static PairTimelines of(Collection<CollaborationLogEntry> entries, String team, String navOffice, LocalDate from,
            LocalDate to, int minCellSize) {
        List<LoggedCase> cases = LoggedCase.of(entries, to).stream()
                .filter(c -> c.team().equals(team) && c.navOffice().equals(navOffice))
                .filter(c -> !c.startDate().isBefore(from) && !c.startDate().isAfter(to)).toList();
        int participants = LoggedCase.participants(cases).size();
        boolean dates = participants >= minCellSize;
        List<Timeline> timelines = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            LoggedCase c = cases.get(i);
            List<Event> events = c.events().stream()
                    .map(e -> new Event(c.daysFromStart(e.getEventDate()), e.getEventKind().name())).toList();
            timelines.add(new Timeline(dates ? c.caseKey() : "case-" + (i + 1), dates ? c.startDate() : null,
                    c.referralDate() != null ? "REFERRAL" : "CONSENT_GIVEN", events));
        }
        return new PairTimelines(team, navOffice, from, to, minCellSize, dates ? participants : null, dates, timelines);
    }
}

package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import no.ipshub.log.cases.Job;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.indicators.IndicatorRow;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Measures the IPS-25 items the log's events can evidence, per treatment team and period, and the anchor each
 * value reaches, exactly as {@code docs/fidelity.md} defines them. A plain function of the entries and the period,
 * tested on a hand-computed scenario.
 */
public final class FidelityCalculator {

    /** Weeks in an average month: a meeting a week is this many a month. */
    static final double WEEKS_PER_MONTH = IndicatorCalculator.DAYS_PER_MONTH / 7;

    /**
     * The evidence of the period {@code [from, to]} as known on {@code today}.
     *
     * @param entries every entry with an event on or before {@code to}
     */
    public FidelityTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to, LocalDate today) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        LocalDate until = to.isBefore(today) ? to : today;
        List<LoggedCase> cases = LoggedCase.of(entries, to);
        List<FidelityTable.Row> teams = new ArrayList<>();
        IndicatorCalculator.byAttribute(cases, LoggedCase::team, from, to)
                .forEach((team, members) -> teams.add(row(team, members, from, until)));
        return new FidelityTable(from, to, teams, row(IndicatorRow.ALL, cases, from, until));
    }

    private static FidelityTable.Row row(String team, List<LoggedCase> cases, LocalDate from, LocalDate until) {
        Map<FidelityItem, ItemMeasure> items = new EnumMap<>(FidelityItem.class);
        Window w = new Window(from, until);
        List<LoggedCase> open = cases.stream().filter(c -> c.openDays(from, until) > 0).toList();

        List<LoggedCase> staffed = cases.stream().filter(c -> c.isOpenOn(until) && c.jobSpecialistKey() != null).toList();
        long specialistsAtEnd = staffed.stream().map(LoggedCase::jobSpecialistKey).distinct().count();
        Double caseload = specialistsAtEnd == 0 ? null : (double) staffed.size() / specialistsAtEnd;
        items.put(FidelityItem.CASELOAD_SIZE, measure(FidelityItem.CASELOAD_SIZE, caseload, staffed, v -> v <= 20 ? 5 : v <= 25 ? 4 : v <= 30 ? 3 : v <= 40 ? 2 : 1));

        double caseMonths = open.stream().mapToLong(c -> c.openDays(from, until)).sum() / IndicatorCalculator.DAYS_PER_MONTH;
        long teamMeetings = count(open, CollaborationEventKind.TREATMENT_TEAM_MEETING, w);
        items.put(FidelityItem.TEAM_CONTACT, measure(FidelityItem.TEAM_CONTACT, caseMonths == 0 ? null : teamMeetings / caseMonths, open,
                v -> v >= 4 ? 5 : v >= 2 ? 4 : v >= 1 ? 3 : v >= 0.5 ? 2 : 1));

        List<CollaborationLogEntry> navMeetings = dated(open, CollaborationEventKind.NAV_COLLABORATION_MEETING, w);
        Double perMonth = open.isEmpty() || w.days() == 0 ? null : navMeetings.size() / w.months();
        boolean everyMonth = w.wholeMonths().stream()
                .allMatch(m -> navMeetings.stream().anyMatch(e -> YearMonth.from(e.getEventDate()).equals(m)));
        items.put(FidelityItem.COLLABORATION_WITH_NAV, measure(FidelityItem.COLLABORATION_WITH_NAV, perMonth, open, v -> v >= WEEKS_PER_MONTH && everyMonth ? 5
                : v >= WEEKS_PER_MONTH ? 4 : v >= 1 ? 3 : v >= 1.0 / 3 ? 2 : 1));

        List<Started> starts = starts(cases, w);
        List<Started> planned = starts.stream().filter(s -> s.owner().events().stream()
                .anyMatch(e -> e.getEventKind() == CollaborationEventKind.BENEFITS_COUNSELLING
                        && !e.getEventDate().isAfter(s.job().start()))).toList();
        items.put(FidelityItem.WORK_INCENTIVES_PLANNING, share(FidelityItem.WORK_INCENTIVES_PLANNING, planned.size(), starts, FidelityCalculator::proxyShareAnchor));

        List<LoggedCase> contacted = cases.stream().filter(c -> c.inCohort(from, until) && c.firstEmployerContact() != null)
                .toList();
        Double meanDays = contacted.isEmpty() ? null
                : contacted.stream().mapToLong(c -> c.daysTo(c.firstEmployerContact())).average().orElseThrow();
        items.put(FidelityItem.RAPID_JOB_SEARCH, measure(FidelityItem.RAPID_JOB_SEARCH, meanDays, contacted,
                v -> v <= 30 ? 5 : v <= 60 ? 4 : v <= 150 ? 3 : v <= 270 ? 2 : 1));

        List<LoggedCase> openStaffed = open.stream().filter(c -> c.jobSpecialistKey() != null).toList();
        long specialists = openStaffed.stream().map(LoggedCase::jobSpecialistKey).distinct().count();
        long contacts = count(openStaffed, CollaborationEventKind.EMPLOYER_CONTACT, w);
        items.put(FidelityItem.FREQUENT_EMPLOYER_CONTACT, measure(FidelityItem.FREQUENT_EMPLOYER_CONTACT, specialists == 0 || w.days() == 0 ? null : contacts / (specialists * w.weeks()),
                openStaffed, v -> v >= 6 ? 5 : v >= 5 ? 4 : v >= 4 ? 3 : v >= 2 ? 2 : 1));

        items.put(FidelityItem.DIVERSITY_OF_JOB_TYPES, diversity(FidelityItem.DIVERSITY_OF_JOB_TYPES, starts.stream().filter(s -> s.job().styrkCode() != null).toList(),
                s -> s.job().styrkCode()));
        items.put(FidelityItem.DIVERSITY_OF_EMPLOYERS, diversity(FidelityItem.DIVERSITY_OF_EMPLOYERS, starts.stream().filter(s -> s.job().employer() != null).toList(),
                s -> s.job().employer()));

        long competitive = starts.stream()
                .filter(s -> Boolean.TRUE.equals(s.job().competitive()) && Boolean.TRUE.equals(s.job().permanent())).count();
        items.put(FidelityItem.COMPETITIVE_JOBS, share(FidelityItem.COMPETITIVE_JOBS, competitive, starts,
                v -> v >= 0.95 ? 5 : v >= 0.85 ? 4 : v >= 0.75 ? 3 : v >= 0.64 ? 2 : 1));

        long supported = starts.stream().filter(s -> s.supportedBetween(s.job().start(), s.lastDay(until))).count();
        items.put(FidelityItem.INDIVIDUALISED_FOLLOW_ALONG, share(FidelityItem.INDIVIDUALISED_FOLLOW_ALONG, supported, starts, v -> v >= 0.6 ? 3 : v >= 0.4 ? 2 : 1));

        List<Started> fourMonths = new ArrayList<>();
        for (LoggedCase c : cases) {
            for (Job j : c.jobs()) {
                LocalDate mark = j.start().plusMonths(4);
                if (w.contains(mark) && (j.end() == null || !j.end().isBefore(mark))) {
                    fourMonths.add(new Started(c, j));
                }
            }
        }
        long fourthMonth = fourMonths.stream()
                .filter(s -> s.supportedBetween(s.job().start().plusMonths(3), s.job().start().plusMonths(4).minusDays(1))).count();
        items.put(FidelityItem.TIME_UNLIMITED_FOLLOW_ALONG, share(FidelityItem.TIME_UNLIMITED_FOLLOW_ALONG, fourthMonth, fourMonths, v -> v == 0 ? 1 : v < 0.5 ? 2 : 3));

        List<LoggedCase> closedWithoutJob = cases.stream().filter(c -> closing(c) != null && w.contains(closing(c)))
                .filter(c -> c.jobs().stream().noneMatch(j -> !j.start().isAfter(closing(c)))).toList();
        long reached = closedWithoutJob.stream().filter(c -> c.events().stream()
                .anyMatch(e -> e.getEventKind() == CollaborationEventKind.OUTREACH_ATTEMPT
                        && !e.getEventDate().isAfter(closing(c)))).count();
        items.put(FidelityItem.ASSERTIVE_ENGAGEMENT, measure(FidelityItem.ASSERTIVE_ENGAGEMENT, closedWithoutJob.isEmpty() ? null
                : (double) reached / closedWithoutJob.size(), closedWithoutJob, FidelityCalculator::proxyShareAnchor));
        return new FidelityTable.Row(team, items);
    }

    /** The shares of the proxy items: below a quarter 1, a quarter 2, half 3, three quarters 4, nine in ten 5. */
    static int proxyShareAnchor(double share) {
        return share >= 0.9 ? 5 : share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;
    }

    private static LocalDate closing(LoggedCase c) {
        return c.events().stream().filter(e -> e.getEventKind() == CollaborationEventKind.EPISODE_CLOSED)
                .map(CollaborationLogEntry::getEventDate).findFirst().orElse(null);
    }

    private static ItemMeasure diversity(FidelityItem item, List<Started> starts,
            java.util.function.Function<Started, String> kind) {
        long distinct = starts.stream().map(kind).distinct().count();
        return share(item, distinct, starts, v -> v >= 0.85 ? 5 : v >= 0.70 ? 4 : v >= 0.60 ? 3 : v >= 0.50 ? 2 : 1);
    }

    private static ItemMeasure share(FidelityItem item, long part, List<Started> starts, Anchors anchors) {
        List<LoggedCase> owners = starts.stream().map(Started::owner).distinct().toList();
        return measure(item, starts.isEmpty() ? null : (double) part / starts.size(), owners, anchors);
    }

    /** Every item's measure: the anchor its thresholds give, capped by the one rule of its item. */
    private static ItemMeasure measure(FidelityItem item, Double value, List<LoggedCase> behind, Anchors anchors) {
        Set<String> caseKeys = new HashSet<>();
        behind.forEach(c -> caseKeys.add(c.caseKey()));
        return new ItemMeasure(value, value == null ? null : item.fromEvents(anchors.anchor(value)), caseKeys,
                LoggedCase.participants(behind));
    }

    private static long count(List<LoggedCase> cases, CollaborationEventKind kind, Window w) {
        return dated(cases, kind, w).size();
    }

    private static List<CollaborationLogEntry> dated(List<LoggedCase> cases, CollaborationEventKind kind, Window w) {
        return cases.stream().flatMap(c -> c.dated(kind, w.from(), w.until()).stream()).toList();
    }

    /** The jobs of the cases that started in the window. */
    private static List<Started> starts(List<LoggedCase> cases, Window w) {
        List<Started> starts = new ArrayList<>();
        for (LoggedCase c : cases) {
            c.jobs().stream().filter(j -> w.contains(j.start())).forEach(j -> starts.add(new Started(c, j)));
        }
        return starts;
    }

    /** The anchor a value reaches. */
    private interface Anchors {
        int anchor(double value);
    }

    /** A job and the case it belongs to. */
    private record Started(LoggedCase owner, Job job) {

        LocalDate lastDay(LocalDate until) {
            return job.end() == null || job.end().isAfter(until) ? until : job.end();
        }

        boolean supportedBetween(LocalDate first, LocalDate last) {
            Predicate<CollaborationLogEntry> within = e -> !e.getEventDate().isBefore(first) && !e.getEventDate().isAfter(last);
            return owner.events().stream()
                    .filter(e -> e.getEventKind() == CollaborationEventKind.FOLLOW_ALONG_SUPPORT).anyMatch(within);
        }
    }

    /** The measured part of the period: from its first day to the observation end, both included. */
    private record Window(LocalDate from, LocalDate until) {

        boolean contains(LocalDate day) {
            return day != null && !day.isBefore(from) && !day.isAfter(until);
        }

        long days() {
            return Math.max(0, ChronoUnit.DAYS.between(from, until) + 1);
        }

        double months() {
            return days() / IndicatorCalculator.DAYS_PER_MONTH;
        }

        double weeks() {
            return days() / 7.0;
        }

        /** The calendar months lying wholly inside the window. */
        List<YearMonth> wholeMonths() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(until)); m = m.plusMonths(1)) {
                if (!m.atDay(1).isBefore(from) && !m.atEndOfMonth().isAfter(until)) {
                    months.add(m);
                }
            }
            return months;
        }
    }
}

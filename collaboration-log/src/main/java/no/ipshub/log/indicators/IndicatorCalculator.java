package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.log.survival.KaplanMeier;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Computes the IPS indicators from log entries, as defined in {@code docs/indicators.md}. A plain function
 * of the entries and the period, so every definition is tested on hand-computed scenarios.
 */
public final class IndicatorCalculator {

    /** Average length of a month in days, to turn open days into open case-months. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;
    static final int RAPID_CONTACT_DAYS = 30;

    /** The indicators of the period {@code [from, to]}, observed on {@code to}. */
    public IndicatorTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to, GroupBy groupBy) {
        return compute(entries, from, to, groupBy, to);
    }

    /**
     * The indicators of the period {@code [from, to]} as known on {@code today}: when {@code to} lies in the
     * future, ongoing jobs and 30-day windows are measured up to today, not up to {@code to}.
     *
     * @param entries every entry with an event on or before {@code to} (earlier referrals count for open cases)
     */
    public IndicatorTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to, GroupBy groupBy,
            LocalDate today) {
        return compute(entries, from, to, groupBy, today, TeamRosters.NONE);
    }

    /**
     * The indicators as known on {@code today}, the job specialists' tenures of each team with a roster read from the
     * roster instead of the events.
     *
     * @param entries every entry with an event on or before {@code to}
     * @param rosters the rosters the teams sent; {@link TeamRosters#NONE} for none
     */
    public IndicatorTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to, GroupBy groupBy,
            LocalDate today, TeamRosters rosters) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        LocalDate observed = min(to, today);
        List<LoggedCase> cases = LoggedCase.of(entries, to);
        List<SpecialistTenure> tenures = rosters.replace(SpecialistTenure.of(cases, observed), observed);
        List<IndicatorRow> rows = new ArrayList<>();
        switch (groupBy) {
            case TEAM -> byAttribute(cases, LoggedCase::team, from, to).forEach((g, members) ->
                    rows.add(row(g, members, rosters.of(g::equals).replace(history(cases, LoggedCase::team, g, observed),
                            observed), from, to, observed)));
            case NAV_OFFICE -> byAttribute(cases, LoggedCase::navOffice, from, to).forEach((g, members) ->
                    rows.add(row(g, members, history(cases, LoggedCase::navOffice, g, observed), from, to, observed)));
            case MONTH -> {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                    rows.add(row(m.toString(), cases, tenures, max(from, m.atDay(1)), min(to, m.atEndOfMonth()), observed));
                }
            }
        }
        return new IndicatorTable(from, to, groupBy, rows, row(IndicatorRow.ALL, cases, tenures, from, to, observed));
    }

    /**
     * The job specialists' tenures over every case of a group up to the observation end, also those closed before
     * the period: a tenure began with the specialist's first case of the team, whenever that was. A NAV office's are
     * read from its cases' events, rosters being the teams'.
     */
    private static List<SpecialistTenure> history(List<LoggedCase> cases, Function<LoggedCase, String> attribute,
            String group, LocalDate observedTo) {
        return SpecialistTenure.of(cases.stream().filter(c -> group.equals(attribute.apply(c))).toList(), observedTo);
    }

    /**
     * The cases that belong to a group of the period, by the group's name (a team or NAV office): those with a
     * referral in the period or open in it. Ordered by name.
     */
    public static Map<String, List<LoggedCase>> byAttribute(List<LoggedCase> cases, Function<LoggedCase, String> attribute,
            LocalDate from, LocalDate to) {
        Map<String, List<LoggedCase>> groups = new TreeMap<>();
        for (LoggedCase c : cases) {
            if (c.inCohort(from, to) || c.openDays(from, to) > 0) {
                groups.computeIfAbsent(attribute.apply(c), k -> new ArrayList<>()).add(c);
            }
        }
        return groups;
    }

    /**
     * One row: a cohort referred in {@code [start, end]}, activity in it, caseload at its end.
     *
     * @param observedTo the observation end; nothing after it is measured
     */
    public static IndicatorRow row(String group, List<LoggedCase> cases, LocalDate start, LocalDate end, LocalDate observedTo) {
        return row(group, cases, SpecialistTenure.of(cases, observedTo), start, end, observedTo);
    }

    /**
     * One row, with the job specialists' tenures read from the whole history of the row's group.
     *
     * @param tenures the tenures of the group's job specialists up to {@code observedTo}
     */
    public static IndicatorRow row(String group, List<LoggedCase> cases, List<SpecialistTenure> tenures, LocalDate start,
            LocalDate end, LocalDate observedTo) {
        Map<Indicator, IndicatorValue> v = new EnumMap<>(Indicator.class);
        List<LoggedCase> cohort = cases.stream().filter(c -> c.inCohort(start, end)).toList();

        v.put(Indicator.REFERRALS, IndicatorValue.of((double) cohort.size(), participants(cohort)));

        List<LoggedCase> decided = cohort.stream().filter(c -> c.decision() != null).toList();
        long accepted = decided.stream().filter(c -> c.decision() == CollaborationEventKind.REFERRAL_ACCEPTED).count();
        v.put(Indicator.ACCEPTANCE_RATE, IndicatorValue.of(ratio(accepted, decided.size()), participants(decided)));

        List<LoggedCase> contacted = cohort.stream().filter(c -> c.firstEmployerContact() != null).toList();
        v.put(Indicator.MEDIAN_DAYS_TO_FIRST_EMPLOYER_CONTACT, IndicatorValue.of(
                median(contacted.stream().map(c -> (double) c.daysTo(c.firstEmployerContact())).toList()),
                participants(contacted)));

        List<LoggedCase> windowComplete = cohort.stream()
                .filter(c -> !c.referralDate().plusDays(RAPID_CONTACT_DAYS).isAfter(observedTo)).toList();
        long rapid = windowComplete.stream().filter(c -> c.firstEmployerContact() != null
                && c.daysTo(c.firstEmployerContact()) <= RAPID_CONTACT_DAYS).count();
        v.put(Indicator.SHARE_FIRST_EMPLOYER_CONTACT_WITHIN_30_DAYS,
                IndicatorValue.of(ratio(rapid, windowComplete.size()), participants(windowComplete)));

        // activity and caseload are measured up to the observation end, never into the future
        LocalDate until = min(end, observedTo);
        List<LoggedCase> open = cases.stream().filter(c -> c.openDays(start, until) > 0).toList();
        double caseMonths = open.stream().mapToLong(c -> c.openDays(start, until)).sum() / DAYS_PER_MONTH;
        long contacts = open.stream().mapToLong(c -> c.count(CollaborationEventKind.EMPLOYER_CONTACT, start, until)).sum();
        long meetings = open.stream().mapToLong(c -> c.count(CollaborationEventKind.NAV_COLLABORATION_MEETING, start, until)).sum();
        v.put(Indicator.EMPLOYER_CONTACTS_PER_OPEN_CASE_MONTH,
                IndicatorValue.of(caseMonths == 0 ? null : contacts / caseMonths, participants(open)));
        v.put(Indicator.TEAM_NAV_MEETINGS_PER_OPEN_CASE_MONTH,
                IndicatorValue.of(caseMonths == 0 ? null : meetings / caseMonths, participants(open)));

        List<LoggedCase> openAtEnd = cases.stream().filter(c -> c.isOpenOn(until)).toList();
        v.put(Indicator.OPEN_CASELOAD, IndicatorValue.of((double) openAtEnd.size(), participants(openAtEnd)));
        List<LoggedCase> withSpecialist = openAtEnd.stream().filter(c -> c.jobSpecialistKey() != null).toList();
        long specialists = withSpecialist.stream().map(LoggedCase::jobSpecialistKey).distinct().count();
        v.put(Indicator.OPEN_CASES_PER_JOB_SPECIALIST,
                IndicatorValue.of(ratio(withSpecialist.size(), specialists), participants(withSpecialist)));

        Set<String> cohortParticipants = participants(cohort);
        Set<String> competitive = participants(cohort.stream().filter(LoggedCase::startedCompetitiveWork).toList());
        v.put(Indicator.SHARE_STARTED_COMPETITIVE_WORK,
                IndicatorValue.of(ratio(competitive.size(), cohortParticipants.size()), cohortParticipants));

        List<LoggedCase> employed = cohort.stream().filter(c -> !c.jobs().isEmpty()).toList();
        v.put(Indicator.MEDIAN_DAYS_TO_FIRST_JOB_AMONG_EMPLOYED, IndicatorValue.of(
                median(employed.stream().map(c -> (double) c.daysTo(c.jobs().get(0).start())).toList()),
                participants(employed)));
        List<LoggedCase> withHours = employed.stream().filter(c -> c.jobs().stream().anyMatch(j -> j.hours() != null)).toList();
        v.put(Indicator.MEAN_HOURS_PER_WEEK, IndicatorValue.of(
                mean(withHours.stream().flatMap(c -> c.jobs().stream()).map(j -> j.hours()).filter(Objects::nonNull).toList()),
                participants(withHours)));

        // job specialists: handovers of the cases open in the window
        long handovers = open.stream()
                .mapToLong(c -> c.count(CollaborationEventKind.JOB_SPECIALIST_CHANGED, start, until)).sum();
        v.put(Indicator.HANDOVERS_PER_CASE, IndicatorValue.of(ratio(handovers, open.size()), participants(open)));

        // costs: NAV measures of the cohort, wage subsidies of the job starts, earnings in the window
        long withMeasure = cohort.stream().filter(c -> c.has(CollaborationEventKind.NAV_MEASURE_CHANGED, c.referralDate(),
                until)).count();
        v.put(Indicator.SHARE_CASES_WITH_NAV_MEASURE, IndicatorValue.of(ratio(withMeasure, cohort.size()),
                participants(cohort)));
        List<CollaborationLogEntry> starts = cases.stream()
                .flatMap(c -> c.dated(CollaborationEventKind.JOB_STARTED, start, until).stream()).toList();
        List<CollaborationLogEntry> subsidyKnown = starts.stream().filter(e -> e.getWageSubsidy() != null).toList();
        long subsidised = subsidyKnown.stream().filter(e -> Boolean.TRUE.equals(e.getWageSubsidy())).count();
        v.put(Indicator.SHARE_JOB_STARTS_WITH_WAGE_SUBSIDY, IndicatorValue.of(ratio(subsidised, subsidyKnown.size()),
                participantsOf(subsidyKnown)));
        Map<String, Double> earnings = new java.util.HashMap<>();
        for (LoggedCase c : cases) {
            for (no.ipshub.log.cases.Job j : c.jobs()) {
                double paid = earnings(j, start, until);
                if (paid >= 0) {
                    earnings.merge(c.participantKey(), paid, Double::sum);
                }
            }
        }
        v.put(Indicator.MEAN_EARNINGS_PER_EMPLOYED_PARTICIPANT, IndicatorValue.of(
                mean(List.copyOf(earnings.values())), earnings.keySet()));
        specialists(v, tenures, start, until);
        return new IndicatorRow(group, v);
    }

    /**
     * Tenure and turnover of the job specialists in {@code [start, until]}. These count people who are not
     * participants: the people behind each value, on which suppression is decided, are the job specialists.
     */
    private static void specialists(Map<Indicator, IndicatorValue> v, List<SpecialistTenure> tenures, LocalDate start,
            LocalDate until) {
        List<SpecialistTenure> active = tenures.stream().filter(t -> t.activeIn(start, until)).toList();
        List<SpecialistTenure> started = active.stream().filter(t -> t.startedIn(start, until)).toList();
        List<SpecialistTenure> left = active.stream().filter(t -> t.leftIn(start, until)).toList();
        v.put(Indicator.JOB_SPECIALISTS_ACTIVE, IndicatorValue.of((double) active.size(), specialistsOf(active)));
        v.put(Indicator.JOB_SPECIALISTS_STARTED, IndicatorValue.of((double) started.size(), specialistsOf(started)));
        v.put(Indicator.JOB_SPECIALISTS_LEFT, IndicatorValue.of((double) left.size(), specialistsOf(left)));

        // mean active: the specialist-days of the window over its days; a turnover tells how many left, so it is
        // decided on those who left
        long windowDays = until.isBefore(start) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(start, until) + 1;
        long specialistDays = active.stream().mapToLong(t -> t.daysIn(start, until)).sum();
        v.put(Indicator.JOB_SPECIALIST_TURNOVER, IndicatorValue.of(
                specialistDays == 0 ? null : left.size() / ((double) specialistDays / windowDays), specialistsOf(left)));

        KaplanMeier tenure = KaplanMeier.of(started.stream()
                .map(t -> new KaplanMeier.Subject(t.specialistKey(), t.days(), t.left())).toList());
        Long median = tenure.medianDays();
        v.put(Indicator.MEDIAN_JOB_SPECIALIST_TENURE_DAYS,
                IndicatorValue.of(median == null ? null : median.doubleValue(), specialistsOf(started)));
    }

    private static Set<String> specialistsOf(List<SpecialistTenure> tenures) {
        Set<String> keys = new java.util.HashSet<>();
        tenures.forEach(t -> keys.add(t.specialistKey()));
        return keys;
    }

    /**
     * What a job paid in {@code [start, end]}: hours per week times the hourly wage times the weeks it ran in the
     * window; -1 when it did not run in the window or does not state hours and wage.
     */
    static double earnings(no.ipshub.log.cases.Job job, LocalDate start, LocalDate end) {
        if (job.hours() == null || job.wage() == null) {
            return -1;
        }
        LocalDate first = max(job.start(), start);
        LocalDate last = job.end() == null || job.end().isAfter(end) ? end : job.end();
        if (last.isBefore(first)) {
            return -1;
        }
        double weeks = (java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1) / 7.0;
        return job.hours() * job.wage().doubleValue() * weeks;
    }

    private static Set<String> participantsOf(List<CollaborationLogEntry> entries) {
        Set<String> keys = new java.util.HashSet<>();
        entries.forEach(e -> keys.add(e.getParticipantKey()));
        return keys;
    }

    private static Set<String> participants(List<LoggedCase> cases) {
        return LoggedCase.participants(cases);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

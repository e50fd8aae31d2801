package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Computes the IPS indicators from log entries, as defined in {@code docs/indicators.md}. A plain function
 * of the entries and the period, so every definition is tested on hand-computed scenarios.
 */
public final class IndicatorCalculator {

    /** Average length of a month in days, to turn open days into open case-months. */
    static final double DAYS_PER_MONTH = 365.25 / 12;
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
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        LocalDate observed = min(to, today);
        List<CaseFacts> cases = CaseFacts.of(entries, to);
        List<IndicatorRow> rows = new ArrayList<>();
        switch (groupBy) {
            case TEAM -> byAttribute(cases, c -> c.team, from, to).forEach((g, members) ->
                    rows.add(row(g, members, from, to, observed)));
            case NAV_OFFICE -> byAttribute(cases, c -> c.navOffice, from, to).forEach((g, members) ->
                    rows.add(row(g, members, from, to, observed)));
            case MONTH -> {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                    LocalDate start = max(from, m.atDay(1));
                    LocalDate end = min(to, m.atEndOfMonth());
                    rows.add(row(m.toString(), cases, start, end, observed));
                }
            }
        }
        return new IndicatorTable(from, to, groupBy, rows, row(IndicatorRow.ALL, cases, from, to, observed));
    }

    private static Map<String, List<CaseFacts>> byAttribute(List<CaseFacts> cases, Function<CaseFacts, String> attribute,
            LocalDate from, LocalDate to) {
        Map<String, List<CaseFacts>> groups = new TreeMap<>();
        for (CaseFacts c : cases) {
            if (c.inCohort(from, to) || c.openDays(from, to) > 0) {
                groups.computeIfAbsent(attribute.apply(c), k -> new ArrayList<>()).add(c);
            }
        }
        return groups;
    }

    /** One row: a cohort referred in {@code [start, end]}, activity in it, caseload at its end. */
    private static IndicatorRow row(String group, List<CaseFacts> cases, LocalDate start, LocalDate end, LocalDate observedTo) {
        Map<Indicator, IndicatorValue> v = new EnumMap<>(Indicator.class);
        List<CaseFacts> cohort = cases.stream().filter(c -> c.inCohort(start, end)).toList();

        v.put(Indicator.REFERRALS, IndicatorValue.of((double) cohort.size(), participants(cohort)));

        List<CaseFacts> decided = cohort.stream().filter(c -> c.decision != null).toList();
        long accepted = decided.stream().filter(c -> c.decision == CollaborationEventKind.REFERRAL_ACCEPTED).count();
        v.put(Indicator.ACCEPTANCE_RATE, IndicatorValue.of(ratio(accepted, decided.size()), participants(decided)));

        List<CaseFacts> contacted = cohort.stream().filter(c -> c.firstEmployerContact != null).toList();
        v.put(Indicator.MEDIAN_DAYS_TO_FIRST_EMPLOYER_CONTACT, IndicatorValue.of(
                median(contacted.stream().map(c -> (double) c.daysTo(c.firstEmployerContact)).toList()),
                participants(contacted)));

        List<CaseFacts> windowComplete = cohort.stream()
                .filter(c -> !c.referralDate.plusDays(RAPID_CONTACT_DAYS).isAfter(observedTo)).toList();
        long rapid = windowComplete.stream().filter(c -> c.firstEmployerContact != null
                && c.daysTo(c.firstEmployerContact) <= RAPID_CONTACT_DAYS).count();
        v.put(Indicator.SHARE_FIRST_EMPLOYER_CONTACT_WITHIN_30_DAYS,
                IndicatorValue.of(ratio(rapid, windowComplete.size()), participants(windowComplete)));

        // activity and caseload are measured up to the observation end, never into the future
        LocalDate until = min(end, observedTo);
        List<CaseFacts> open = cases.stream().filter(c -> c.openDays(start, until) > 0).toList();
        double caseMonths = open.stream().mapToLong(c -> c.openDays(start, until)).sum() / DAYS_PER_MONTH;
        long contacts = open.stream().mapToLong(c -> c.count(CollaborationEventKind.EMPLOYER_CONTACT, start, until)).sum();
        long meetings = open.stream().mapToLong(c -> c.count(CollaborationEventKind.NAV_COLLABORATION_MEETING, start, until)).sum();
        v.put(Indicator.EMPLOYER_CONTACTS_PER_OPEN_CASE_MONTH,
                IndicatorValue.of(caseMonths == 0 ? null : contacts / caseMonths, participants(open)));
        v.put(Indicator.TEAM_NAV_MEETINGS_PER_OPEN_CASE_MONTH,
                IndicatorValue.of(caseMonths == 0 ? null : meetings / caseMonths, participants(open)));

        List<CaseFacts> openAtEnd = cases.stream().filter(c -> c.isOpenOn(until)).toList();
        v.put(Indicator.OPEN_CASELOAD, IndicatorValue.of((double) openAtEnd.size(), participants(openAtEnd)));
        List<CaseFacts> withSpecialist = openAtEnd.stream().filter(c -> c.jobSpecialistKey != null).toList();
        long specialists = withSpecialist.stream().map(c -> c.jobSpecialistKey).distinct().count();
        v.put(Indicator.OPEN_CASES_PER_JOB_SPECIALIST,
                IndicatorValue.of(ratio(withSpecialist.size(), specialists), participants(withSpecialist)));

        Set<String> cohortParticipants = participantSet(cohort);
        Set<String> competitive = participantSet(cohort.stream().filter(c -> c.startedCompetitiveWork).toList());
        v.put(Indicator.SHARE_STARTED_COMPETITIVE_WORK,
                IndicatorValue.of(ratio(competitive.size(), cohortParticipants.size()), cohortParticipants.size()));

        List<CaseFacts> employed = cohort.stream().filter(c -> !c.jobs.isEmpty()).toList();
        v.put(Indicator.MEDIAN_DAYS_TO_FIRST_JOB, IndicatorValue.of(
                median(employed.stream().map(c -> (double) c.daysTo(c.jobs.get(0).start)).toList()),
                participants(employed)));
        v.put(Indicator.MEDIAN_JOB_TENURE_WEEKS, IndicatorValue.of(
                median(employed.stream().flatMap(c -> c.jobs.stream())
                        .map(j -> ChronoUnit.DAYS.between(j.start, j.end == null ? max(j.start, observedTo) : j.end) / 7.0)
                        .toList()),
                participants(employed)));
        List<CaseFacts> withHours = employed.stream().filter(c -> c.jobs.stream().anyMatch(j -> j.hours != null)).toList();
        v.put(Indicator.MEAN_HOURS_PER_WEEK, IndicatorValue.of(
                mean(withHours.stream().flatMap(c -> c.jobs.stream()).map(j -> j.hours).filter(Objects::nonNull).toList()),
                participants(withHours)));
        return new IndicatorRow(group, v);
    }

    private static long participants(List<CaseFacts> cases) {
        return participantSet(cases).size();
    }

    private static Set<String> participantSet(List<CaseFacts> cases) {
        Set<String> keys = new HashSet<>();
        cases.forEach(c -> keys.add(c.participantKey));
        return keys;
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** One case as the indicators see it, built from its entries up to the end of the period. */
    static final class CaseFacts {
        final String participantKey;
        final String team;
        final String navOffice;
        final LocalDate referralDate;
        final String jobSpecialistKey;
        final CollaborationEventKind decision;
        final LocalDate closedOn;
        final LocalDate firstEmployerContact;
        final boolean startedCompetitiveWork;
        final List<Job> jobs;
        final List<CollaborationLogEntry> events;

        private CaseFacts(List<CollaborationLogEntry> events) {
            this.events = events;
            CollaborationLogEntry first = events.get(0);
            this.participantKey = first.getParticipantKey();
            this.team = first.getTeam();
            this.navOffice = first.getNavOffice();
            this.jobSpecialistKey = events.stream().map(CollaborationLogEntry::getJobSpecialistKey)
                    .filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
            this.referralDate = events.stream()
                    .filter(e -> e.getEventKind() == CollaborationEventKind.REFERRAL).map(CollaborationLogEntry::getEventDate)
                    .findFirst().orElse(first.getReferralDate());
            this.decision = events.stream().map(CollaborationLogEntry::getEventKind)
                    .filter(k -> k == CollaborationEventKind.REFERRAL_ACCEPTED || k == CollaborationEventKind.REFERRAL_REJECTED)
                    .findFirst().orElse(null);
            this.closedOn = events.stream()
                    .filter(e -> e.getEventKind() == CollaborationEventKind.EPISODE_CLOSED
                            || e.getEventKind() == CollaborationEventKind.REFERRAL_REJECTED)
                    .map(CollaborationLogEntry::getEventDate).findFirst().orElse(null);
            this.firstEmployerContact = events.stream()
                    .filter(e -> e.getEventKind() == CollaborationEventKind.EMPLOYER_CONTACT)
                    .map(CollaborationLogEntry::getEventDate)
                    .filter(d -> referralDate == null || !d.isBefore(referralDate))
                    .findFirst().orElse(null);
            this.startedCompetitiveWork = events.stream().anyMatch(e -> e.getEventKind() == CollaborationEventKind.JOB_STARTED
                    && Boolean.TRUE.equals(e.getCompetitive()));
            this.jobs = Job.of(events);
        }

        static List<CaseFacts> of(Collection<CollaborationLogEntry> entries, LocalDate observedTo) {
            Map<String, List<CollaborationLogEntry>> byCase = new HashMap<>();
            for (CollaborationLogEntry e : entries) {
                if (!e.getEventDate().isAfter(observedTo)) {
                    byCase.computeIfAbsent(e.getCaseKey(), k -> new ArrayList<>()).add(e);
                }
            }
            Comparator<CollaborationLogEntry> order = Comparator.comparing(CollaborationLogEntry::getEventDate)
                    .thenComparing(CollaborationLogEntry::getRecordedAt);
            List<CaseFacts> cases = new ArrayList<>();
            byCase.values().forEach(list -> {
                list.sort(order);
                CaseFacts c = new CaseFacts(list);
                if (c.referralDate != null) {
                    cases.add(c);
                }
            });
            cases.sort(Comparator.comparing((CaseFacts c) -> c.referralDate).thenComparing(c -> c.participantKey));
            return cases;
        }

        boolean inCohort(LocalDate start, LocalDate end) {
            return !referralDate.isBefore(start) && !referralDate.isAfter(end);
        }

        /** Open from the referral date until (not including) the day it closed or was rejected. */
        boolean isOpenOn(LocalDate day) {
            return !day.isBefore(referralDate) && (closedOn == null || day.isBefore(closedOn));
        }

        long openDays(LocalDate start, LocalDate end) {
            LocalDate first = referralDate.isAfter(start) ? referralDate : start;
            LocalDate stop = closedOn == null || closedOn.isAfter(end.plusDays(1)) ? end.plusDays(1) : closedOn;
            return Math.max(0, ChronoUnit.DAYS.between(first, stop));
        }

        long count(CollaborationEventKind kind, LocalDate start, LocalDate end) {
            Predicate<CollaborationLogEntry> inWindow = e -> !e.getEventDate().isBefore(start) && !e.getEventDate().isAfter(end);
            return events.stream().filter(e -> e.getEventKind() == kind).filter(inWindow).count();
        }

        long daysTo(LocalDate day) {
            return ChronoUnit.DAYS.between(referralDate, day);
        }
    }

    /** A job of a case: started, and ended by the next JOB_ENDED of the case (same employer when both say). */
    record Job(LocalDate start, LocalDate end, Double hours) {

        static List<Job> of(List<CollaborationLogEntry> events) {
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
                jobs.add(new Job(started.getEventDate(), ended == null ? null : ended.getEventDate(), started.getHoursPerWeek()));
            }
            return jobs;
        }
    }
}

package no.ipshub.log.survival;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.ipshub.log.cases.Job;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Time to the first competitive job and job tenure, with censoring, per team, NAV office or pair and over all
 * cases, as defined in {@code docs/indicators.md}: a plain function of the entries and the period, tested on
 * hand-computed scenarios.
 *
 * <p>First job: the period's referral cohort, from the referral to the first {@code JOB_STARTED} marked competitive
 * on or after it; a case without one is censored on the day it closed ({@code EPISODE_CLOSED} or
 * {@code REFERRAL_REJECTED}), or else on the observation end. Job tenure: the competitive jobs started in the period,
 * from their start to their {@code JOB_ENDED}; a job without an end is censored on the day its case closed, or else
 * on the observation end. Status at 6, 12 and 18 months after the referral: in work (a competitive job runs that
 * day), not in work, or censored (the day lies after the case closed or after the observation end).
 */
public final class TimeToEventCalculator {

    /** The days at which the number at risk and the survival are given. */
    public static final List<Integer> AT_RISK_DAYS = List.of(30, 90, 180, 365);
    /** The months after the referral at which a case's work status is given. */
    public static final List<Integer> STATUS_MONTHS = List.of(6, 12, 18);
    /** The curve's points: every this many days, up to {@link #CURVE_DAYS}. */
    public static final int CURVE_STEP_DAYS = 30;
    public static final int CURVE_DAYS = 720;

    /**
     * The results of the period {@code [from, to]} as known on {@code today}.
     *
     * @param entries every entry with an event on or before {@code to}
     */
    public TimeToEventTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to,
            TimeToEventGrouping grouping, LocalDate today) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        LocalDate observed = to.isBefore(today) ? to : today;
        List<LoggedCase> cases = LoggedCase.of(entries, observed);
        Map<String, List<LoggedCase>> groups = new TreeMap<>();
        for (LoggedCase c : cases) {
            if (c.inCohort(from, to) || !competitiveJobs(c, from, observed).isEmpty()) {
                groups.computeIfAbsent(grouping.groupOf(c), k -> new ArrayList<>()).add(c);
            }
        }
        List<TimeToEventTable.Group> rows = new ArrayList<>();
        groups.forEach((name, members) -> rows.add(group(name, members, from, to, observed)));
        return new TimeToEventTable(from, to, observed, grouping, rows, group(TimeToEventTable.ALL, cases, from, to, observed));
    }

    private static TimeToEventTable.Group group(String name, List<LoggedCase> cases, LocalDate from, LocalDate to,
            LocalDate observed) {
        List<KaplanMeier.Subject> firstJob = new ArrayList<>();
        Map<Integer, Map<Status, Set<String>>> status = new LinkedHashMap<>();
        STATUS_MONTHS.forEach(m -> {
            Map<Status, Set<String>> byStatus = new LinkedHashMap<>();
            for (Status s : Status.values()) {
                byStatus.put(s, new HashSet<>());
            }
            status.put(m, byStatus);
        });
        List<KaplanMeier.Subject> tenure = new ArrayList<>();
        for (LoggedCase c : cases) {
            if (c.inCohort(from, to)) {
                firstJob.add(firstJob(c, observed));
                for (int months : STATUS_MONTHS) {
                    status.get(months).get(status(c, c.referralDate().plusMonths(months), observed)).add(c.participantKey());
                }
            }
            for (Job job : competitiveJobs(c, from, observed)) {
                tenure.add(tenure(c, job, observed));
            }
        }
        return new TimeToEventTable.Group(name, KaplanMeier.of(firstJob), KaplanMeier.of(tenure), status);
    }

    /** A case of the cohort as a subject of the time to its first competitive job. */
    static KaplanMeier.Subject firstJob(LoggedCase c, LocalDate observed) {
        LocalDate referral = c.referralDate();
        LocalDate job = c.jobs().stream().filter(j -> Boolean.TRUE.equals(j.competitive()))
                .map(Job::start).filter(d -> !d.isBefore(referral) && !d.isAfter(observed)).findFirst().orElse(null);
        LocalDate closed = c.closedOn();
        if (job != null && (closed == null || !job.isAfter(closed))) {
            return new KaplanMeier.Subject(c.participantKey(), ChronoUnit.DAYS.between(referral, job), true);
        }
        LocalDate stop = closed != null && !closed.isAfter(observed) ? closed : observed;
        return new KaplanMeier.Subject(c.participantKey(), Math.max(0, ChronoUnit.DAYS.between(referral, stop)), false);
    }

    /** A competitive job as a subject of job tenure. */
    static KaplanMeier.Subject tenure(LoggedCase c, Job job, LocalDate observed) {
        if (job.end() != null && !job.end().isAfter(observed)) {
            return new KaplanMeier.Subject(c.participantKey(), ChronoUnit.DAYS.between(job.start(), job.end()), true);
        }
        LocalDate closed = c.closedOn();
        LocalDate stop = closed != null && !closed.isBefore(job.start()) && !closed.isAfter(observed) ? closed : observed;
        return new KaplanMeier.Subject(c.participantKey(), ChronoUnit.DAYS.between(job.start(), stop), false);
    }

    /** The case's work status on {@code day}. */
    static Status status(LoggedCase c, LocalDate day, LocalDate observed) {
        LocalDate lastSeen = c.closedOn() != null && c.closedOn().isBefore(observed) ? c.closedOn() : observed;
        if (day.isAfter(lastSeen)) {
            return Status.CENSORED;
        }
        boolean working = c.jobs().stream().anyMatch(j -> Boolean.TRUE.equals(j.competitive()) && j.runsOn(day));
        return working ? Status.IN_WORK : Status.NOT_IN_WORK;
    }

    /** The competitive jobs of the case that started in {@code [from, observed]}. */
    private static List<Job> competitiveJobs(LoggedCase c, LocalDate from, LocalDate observed) {
        return c.jobs().stream().filter(j -> Boolean.TRUE.equals(j.competitive()))
                .filter(j -> !j.start().isBefore(from) && !j.start().isAfter(observed)).toList();
    }

    /** A case's work status at a fixed time after its referral. */
    public enum Status {
        /** A competitive job runs on the day. */
        IN_WORK("inWork"),
        /** The case was observed on the day and no competitive job ran. */
        NOT_IN_WORK("notInWork"),
        /** The day lies after the case closed or after the observation end. */
        CENSORED("censored");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}

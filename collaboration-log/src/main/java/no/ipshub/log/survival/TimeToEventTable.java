package no.ipshub.log.survival;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The time-to-event results of a period: per group and over all cases ({@link #ALL}), the Kaplan-Meier estimates of
 * the time to the first competitive job and of job tenure, and the cohort's work status at fixed times. Each result
 * is a {@link Measure}: a value and the participants behind it, which suppression is decided on.
 *
 * @param from       first day of the period
 * @param to         last day of the period
 * @param observedTo the observation end: {@code to}, or today when {@code to} lies ahead
 * @param grouping   how the groups are formed
 * @param groups     one per group, by name
 * @param total      over every case
 */
public record TimeToEventTable(LocalDate from, LocalDate to, LocalDate observedTo, TimeToEventGrouping grouping,
        List<Group> groups, Group total) {

    /** The group over all cases. */
    public static final String ALL = "ALL";

    public TimeToEventTable {
        groups = List.copyOf(groups);
    }

    /**
     * One group's results.
     *
     * @param name     the team, NAV office, {@code team|navOffice}, or {@link #ALL}
     * @param firstJob the time from referral to the first competitive job
     * @param tenure   the tenure of competitive jobs
     * @param status   per month after the referral, the cohort's participants by work status
     */
    public record Group(String name, KaplanMeier firstJob, KaplanMeier tenure,
            Map<Integer, Map<TimeToEventCalculator.Status, Set<String>>> status) {

        /** Every measure of the group, in {@link #measures()} order. */
        public Map<String, Value> values() {
            Map<String, Value> values = new LinkedHashMap<>();
            add(values, Outcome.FIRST_JOB, firstJob);
            for (int months : TimeToEventCalculator.STATUS_MONTHS) {
                for (TimeToEventCalculator.Status s : TimeToEventCalculator.Status.values()) {
                    Set<String> who = status.get(months).get(s);
                    values.put(statusId(months, s), new Value((double) who.size(), who));
                }
            }
            add(values, Outcome.JOB_TENURE, tenure);
            return values;
        }

        private static void add(Map<String, Value> values, Outcome outcome, KaplanMeier km) {
            String o = outcome.id();
            Set<String> all = km.participants();
            values.put(o + ".subjects", new Value((double) km.subjects().size(), all));
            values.put(o + ".events", new Value((double) km.count(true), km.participants(true)));
            values.put(o + ".censored", new Value((double) km.count(false), km.participants(false)));
            Long median = km.medianDays();
            values.put(o + ".medianDays", new Value(median == null ? null : median.doubleValue(), all));
            for (int day : TimeToEventCalculator.AT_RISK_DAYS) {
                values.put(o + ".atRisk.d" + day, new Value((double) km.atRisk(day), km.atRiskParticipants(day)));
            }
            for (int day = TimeToEventCalculator.CURVE_STEP_DAYS; day <= TimeToEventCalculator.CURVE_DAYS;
                    day += TimeToEventCalculator.CURVE_STEP_DAYS) {
                Set<String> atRisk = km.atRiskParticipants(day);
                values.put(survivalId(outcome, day), new Value(km.subjects().isEmpty() ? null : km.survivalAt(day), atRisk));
            }
        }
    }

    /**
     * One published number and who is behind it.
     *
     * @param value           the number; null when nothing to compute it from (no subject, no median reached)
     * @param participantKeys the participants behind it
     */
    public record Value(Double value, Set<String> participantKeys) {

        public Value {
            participantKeys = Set.copyOf(participantKeys);
        }
    }

    /**
     * A measure and the statistic it belongs to: values of one statistic count the same thing, so differences
     * between them are checked for disclosure together.
     *
     * @param id        e.g. {@code firstJob.atRisk.d90}
     * @param statistic e.g. {@code tte.firstJob.participants}
     */
    public record Measure(String id, String statistic) {
    }

    /** Every measure, in the order of the answers and exports. */
    public static List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            String o = outcome.id();
            String counts = "tte." + o + ".participants";
            measures.add(new Measure(o + ".subjects", counts));
            measures.add(new Measure(o + ".events", counts));
            measures.add(new Measure(o + ".censored", counts));
            measures.add(new Measure(o + ".medianDays", "tte." + o + ".medianDays"));
            for (int day : TimeToEventCalculator.AT_RISK_DAYS) {
                measures.add(new Measure(o + ".atRisk.d" + day, counts));
            }
            for (int day = TimeToEventCalculator.CURVE_STEP_DAYS; day <= TimeToEventCalculator.CURVE_DAYS;
                    day += TimeToEventCalculator.CURVE_STEP_DAYS) {
                measures.add(new Measure(survivalId(outcome, day), "tte." + o + ".survival"));
            }
            if (outcome == Outcome.FIRST_JOB) {
                for (int months : TimeToEventCalculator.STATUS_MONTHS) {
                    for (TimeToEventCalculator.Status s : TimeToEventCalculator.Status.values()) {
                        measures.add(new Measure(statusId(months, s), counts));
                    }
                }
            }
        }
        return List.copyOf(measures);
    }

    /** The id of the curve's point at {@code day}, e.g. {@code firstJob.survival.d090}. */
    public static String survivalId(Outcome outcome, int day) {
        return outcome.id() + ".survival.d" + String.format("%03d", day);
    }

    static String statusId(int months, TimeToEventCalculator.Status status) {
        return Outcome.FIRST_JOB.id() + ".m" + months + "." + status.id();
    }
}

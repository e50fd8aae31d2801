package no.ipshub.log.survival;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Kaplan-Meier estimate of a survival function from subjects followed for a number of days, each ending with
 * the event or censored. At a day with both, events come first (a subject censored on the day of another's event
 * was at risk for it). {@code S(t)} is the product of {@code 1 - events / atRisk} over the event days up to
 * {@code t}; the median is the first day on which {@code S} is at or below one half, or none when it never gets
 * there. A plain function of its subjects, defined in {@code docs/indicators.md}.
 */
public final class KaplanMeier {

    private final List<Subject> subjects;
    private final List<Step> steps;

    private KaplanMeier(List<Subject> subjects) {
        this.subjects = subjects.stream().sorted(Comparator.comparingLong(Subject::days)).toList();
        this.steps = steps(this.subjects);
    }

    /** The estimate over these subjects. */
    public static KaplanMeier of(List<Subject> subjects) {
        for (Subject s : subjects) {
            if (s.days() < 0) {
                throw new IllegalArgumentException("a subject cannot be followed for a negative number of days");
            }
        }
        return new KaplanMeier(subjects);
    }

    /**
     * One subject: a participant's case or job, followed from day 0.
     *
     * @param participantKey the participant behind it
     * @param days           days from the start to the event or to the censoring
     * @param event          true when the event happened on that day, false when observation stopped then
     */
    public record Subject(String participantKey, long days, boolean event) {
    }

    /**
     * A day on which something happened.
     *
     * @param day      days from the start
     * @param atRisk   subjects followed at least this long (still at risk at the start of the day)
     * @param events   events on the day
     * @param censored subjects censored on the day
     * @param survival {@code S(day)}, after the day's events
     */
    public record Step(long day, int atRisk, int events, int censored, double survival) {
    }

    private static List<Step> steps(List<Subject> sorted) {
        List<Step> steps = new ArrayList<>();
        double survival = 1.0;
        int i = 0;
        int n = sorted.size();
        while (i < n) {
            long day = sorted.get(i).days();
            int atRisk = n - i;
            int events = 0;
            int censored = 0;
            while (i < n && sorted.get(i).days() == day) {
                if (sorted.get(i).event()) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
            }
            steps.add(new Step(day, atRisk, events, censored, survival));
        }
        return List.copyOf(steps);
    }

    /** Every day with an event or a censoring, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** The subjects, by their days. */
    public List<Subject> subjects() {
        return subjects;
    }

    /** {@code S(day)}: the estimated share without the event after {@code day} days. */
    public double survivalAt(long day) {
        double survival = 1.0;
        for (Step s : steps) {
            if (s.day() > day) {
                break;
            }
            survival = s.survival();
        }
        return survival;
    }

    /** The first day on which {@code S} is at or below one half; null when it stays above. */
    public Long medianDays() {
        for (Step s : steps) {
            if (s.events() > 0 && s.survival() <= 0.5 + 1e-12) {
                return s.day();
            }
        }
        return null;
    }

    /** How many subjects were still followed on {@code day}: those whose event or censoring is on it or later. */
    public int atRisk(long day) {
        return (int) subjects.stream().filter(s -> s.days() >= day).count();
    }

    /** The participants of the subjects still followed on {@code day}. */
    public Set<String> atRiskParticipants(long day) {
        Set<String> keys = new HashSet<>();
        subjects.stream().filter(s -> s.days() >= day).forEach(s -> keys.add(s.participantKey()));
        return keys;
    }

    /** The participants of every subject. */
    public Set<String> participants() {
        Set<String> keys = new HashSet<>();
        subjects.forEach(s -> keys.add(s.participantKey()));
        return keys;
    }

    /** The participants of the subjects with the event ({@code true}) or censored ({@code false}). */
    public Set<String> participants(boolean event) {
        Set<String> keys = new HashSet<>();
        subjects.stream().filter(s -> s.event() == event).forEach(s -> keys.add(s.participantKey()));
        return keys;
    }

    /** How many subjects had the event ({@code true}) or were censored ({@code false}). */
    public int count(boolean event) {
        return (int) subjects.stream().filter(s -> s.event() == event).count();
    }
}

package no.ipshub.log.pairs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.log.indicators.Indicator;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.indicators.IndicatorRow;
import no.ipshub.log.indicators.IndicatorValue;
import no.ipshub.log.indicators.SpecialistTenure;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * Computes the collaboration picture per treatment team and NAV office pair and month (docs/indicators.md, "The
 * collaboration picture per pair"): every indicator, and the number of entries of each collaboration event kind.
 */
public final class PairPictureCalculator {

    /** The event kinds counted per pair and month. */
    public static final List<CollaborationEventKind> COUNTED = List.of(
            CollaborationEventKind.TREATMENT_TEAM_MEETING, CollaborationEventKind.NAV_COLLABORATION_MEETING,
            CollaborationEventKind.EMPLOYER_CONTACT, CollaborationEventKind.BENEFITS_COUNSELLING,
            CollaborationEventKind.NAV_MEASURE_CHANGED, CollaborationEventKind.FOLLOW_ALONG_SUPPORT,
            CollaborationEventKind.OUTREACH_ATTEMPT, CollaborationEventKind.JOB_STARTED, CollaborationEventKind.JOB_ENDED);

    /** The measures of the picture: the indicators, then the entry counts. */
    public static final List<String> MEASURES = Stream.concat(
            Stream.of(Indicator.values()).map(Indicator::id),
            COUNTED.stream().map(PairPictureCalculator::countId)).toList();

    /** What a measure's values count or sum, for the disclosure check: an indicator's statistic, or the measure. */
    public static String statistic(String measure) {
        return Stream.of(Indicator.values()).filter(i -> i.id().equals(measure)).map(Indicator::statistic).findFirst()
                .orElse(measure);
    }

    /** The measure id of a count of entries of a kind. */
    public static String countId(CollaborationEventKind kind) {
        return "entries." + kind.name();
    }

    /**
     * The picture of the period {@code [from, to]} as known on {@code today}.
     *
     * @param entries every entry with an event on or before {@code to}
     */
    public PairTable compute(Collection<CollaborationLogEntry> entries, LocalDate from, LocalDate to, LocalDate today) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        LocalDate observed = to.isBefore(today) ? to : today;
        List<LoggedCase> cases = LoggedCase.of(entries, to);
        Map<PairTable.Pair, List<LoggedCase>> byPair = new TreeMap<>(
                (a, b) -> a.team().equals(b.team()) ? a.navOffice().compareTo(b.navOffice()) : a.team().compareTo(b.team()));
        for (LoggedCase c : cases) {
            if (c.inCohort(from, to) || c.openDays(from, to) > 0) {
                byPair.computeIfAbsent(new PairTable.Pair(c.team(), c.navOffice()), k -> new ArrayList<>()).add(c);
            }
        }
        List<Window> windows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            windows.add(new Window(m.toString(), from.isAfter(m.atDay(1)) ? from : m.atDay(1),
                    to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth()));
        }
        Window whole = new Window(IndicatorRow.ALL, from, to);
        List<PairTable.Pair> pairs = List.copyOf(byPair.keySet());

        List<List<Values>> cells = new ArrayList<>();
        List<Values> pairTotals = new ArrayList<>();
        for (PairTable.Pair pair : pairs) {
            List<LoggedCase> members = byPair.get(pair);
            // tenures from every case of the pair, also those closed before the period
            List<SpecialistTenure> tenures = SpecialistTenure.of(cases.stream()
                    .filter(c -> c.team().equals(pair.team()) && c.navOffice().equals(pair.navOffice())).toList(), observed);
            cells.add(windows.stream().map(w -> values(members, tenures, w, observed)).toList());
            pairTotals.add(values(members, tenures, whole, observed));
        }
        List<SpecialistTenure> allTenures = SpecialistTenure.of(cases, observed);
        List<Values> monthTotals = windows.stream().map(w -> values(cases, allTenures, w, observed)).toList();

        List<PairTable.Measure> measures = new ArrayList<>();
        for (int m = 0; m < MEASURES.size(); m++) {
            int measure = m;
            measures.add(new PairTable.Measure(MEASURES.get(m),
                    cells.stream().map(row -> row.stream().map(v -> v.get(measure)).toList()).toList(),
                    pairTotals.stream().map(v -> v.get(measure)).toList(),
                    monthTotals.stream().map(v -> v.get(measure)).toList()));
        }
        return new PairTable(from, to, windows.stream().map(Window::name).toList(), pairs, measures);
    }

    /** Every measure of some cases in a window, in {@link #MEASURES} order. */
    private static Values values(List<LoggedCase> cases, List<SpecialistTenure> tenures, Window w, LocalDate observed) {
        IndicatorRow row = IndicatorCalculator.row(w.name(), cases, tenures, w.start(), w.end(), observed);
        List<PairTable.Value> values = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorValue v = row.values().get(indicator);
            values.add(new PairTable.Value(v.value(), v.participantKeys()));
        }
        LocalDate until = w.end().isBefore(observed) ? w.end() : observed;
        Set<String> population = LoggedCase.participants(cases.stream().filter(c -> c.openDays(w.start(), until) > 0).toList());
        for (CollaborationEventKind kind : COUNTED) {
            Set<String> contributors = new HashSet<>();
            long count = 0;
            for (LoggedCase c : cases) {
                long n = c.count(kind, w.start(), until);
                if (n > 0) {
                    count += n;
                    contributors.add(c.participantKey());
                }
            }
            // a zero is about everyone who could have had such an event; a count is about those who had one
            values.add(new PairTable.Value((double) count, count == 0 ? population : contributors));
        }
        return new Values(values);
    }

    private record Values(List<PairTable.Value> list) {
        PairTable.Value get(int measure) {
            return list.get(measure);
        }
    }

    private record Window(String name, LocalDate start, LocalDate end) {
    }
}

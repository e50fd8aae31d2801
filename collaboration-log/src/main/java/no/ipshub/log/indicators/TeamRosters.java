package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rosters the treatment teams sent, for one research project: where a team has one, its job specialists' tenures
 * are read from it instead of from the log's events (defined in {@code docs/indicators.md}, Job specialist tenure and
 * turnover).
 *
 * @param spells every roster line of the project
 */
public record TeamRosters(List<RosterSpell> spells) {

    /** No team has sent a roster: every tenure is read from the events. */
    public static final TeamRosters NONE = new TeamRosters(List.of());

    public TeamRosters {
        spells = List.copyOf(spells);
    }

    /** The teams with a roster. */
    public Set<String> teams() {
        return Set.copyOf(spells.stream().map(RosterSpell::team).toList());
    }

    /** The rosters of the teams that pass {@code keep} (a table reader's scope). */
    public TeamRosters of(Predicate<String> keep) {
        return new TeamRosters(spells.stream().filter(s -> keep.test(s.team())).toList());
    }

    /**
     * The tenures of the events with those of every team with a roster taken from its roster instead, up to
     * {@code observedTo}.
     */
    public List<SpecialistTenure> replace(Collection<SpecialistTenure> fromEvents, LocalDate observedTo) {
        Set<String> rostered = teams();
        List<SpecialistTenure> tenures = new ArrayList<>(fromEvents.stream().filter(t -> !rostered.contains(t.team())).toList());
        tenures.addAll(tenures(observedTo));
        tenures.sort(Comparator.comparing(SpecialistTenure::team).thenComparing(SpecialistTenure::first)
                .thenComparing(SpecialistTenure::specialistKey));
        return tenures;
    }

    /**
     * The tenures of the roster up to {@code observedTo}: per team and specialist from the first start to the last end;
     * one without an end, or ending after {@code observedTo}, is censored there. Lines starting after it are not seen.
     */
    public List<SpecialistTenure> tenures(LocalDate observedTo) {
        Map<List<String>, SpecialistTenure> tenures = new LinkedHashMap<>();
        for (RosterSpell s : spells) {
            if (s.start().isAfter(observedTo)) {
                continue;
            }
            boolean left = s.end() != null && !s.end().isAfter(observedTo);
            SpecialistTenure one = new SpecialistTenure(s.team(), s.jobSpecialistKey(), s.start(),
                    left ? s.end() : observedTo, left);
            tenures.merge(List.of(s.team(), s.jobSpecialistKey()), one, SpecialistTenure::join);
        }
        return List.copyOf(tenures.values());
    }
}

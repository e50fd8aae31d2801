package no.ipshub.log.project;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a table reader's tables are computed over: the cases of the listed treatment teams and NAV offices. An empty
 * list does not restrict; both empty is the whole project (a steering group).
 *
 * @param teams      partner ids of the treatment teams; empty: every team
 * @param navOffices partner ids of the NAV offices; empty: every office
 */
public record TableScope(Set<String> teams, Set<String> navOffices) {

    /** The whole project. */
    public static final TableScope EVERYTHING = new TableScope(Set.of(), Set.of());

    public TableScope {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
        navOffices = navOffices == null ? Set.of() : Set.copyOf(navOffices);
    }

    /** True when a case of this team and NAV office is in the scope. */
    public boolean covers(String team, String navOffice) {
        return (teams.isEmpty() || teams.contains(team)) && (navOffices.isEmpty() || navOffices.contains(navOffice));
    }

    /** True when every case of the team is in the scope: its team roster may then be read. */
    public boolean coversTeam(String team) {
        return navOffices.isEmpty() && (teams.isEmpty() || teams.contains(team));
    }

    /** True when the scope is the whole project. */
    public boolean everything() {
        return teams.isEmpty() && navOffices.isEmpty();
    }

    /** The scope as {@code teams=a,b navOffices=c}, for the audit trail. */
    public String describe() {
        return "teams=" + String.join(",", new TreeSet<>(teams)) + " navOffices=" + String.join(",", new TreeSet<>(navOffices));
    }
}

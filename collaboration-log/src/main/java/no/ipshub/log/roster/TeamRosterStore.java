package no.ipshub.log.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.ipshub.log.indicators.RosterSpell;
import no.ipshub.log.indicators.TeamRosters;
import org.springframework.jdbc.core.JdbcTemplate;

/** The teams' rosters in the database ({@code team_roster}), pseudonymised per research project. */
public class TeamRosterStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TeamRosterStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Replaces the team's roster in every project with the one just sent: a roster is the team's whole list, so
     * specialists left out of it are no longer on it. Runs in the caller's transaction.
     *
     * @param byProject per project code, the roster's lines pseudonymised with that project's key
     */
    public void replace(String team, Map<String, List<RosterSpell>> byProject) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.update("DELETE FROM team_roster WHERE team = ?", team);
        byProject.forEach((project, spells) -> jdbc.batchUpdate("INSERT INTO team_roster (project, team, "
                + "job_specialist_key, start_date, end_date, received_at) VALUES (?, ?, ?, ?, ?, ?)", spells, spells.size(),
                (ps, s) -> {
                    ps.setString(1, project);
                    ps.setString(2, team);
                    ps.setString(3, s.jobSpecialistKey());
                    ps.setObject(4, s.start());
                    ps.setObject(5, s.end());
                    ps.setObject(6, now);
                }));
    }

    /** Every roster of the project. */
    public TeamRosters of(String project) {
        return new TeamRosters(jdbc.query("SELECT team, job_specialist_key, start_date, end_date FROM team_roster "
                + "WHERE project = ?", (rs, row) -> new RosterSpell(rs.getString("team"), rs.getString("job_specialist_key"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)), project));
    }
}

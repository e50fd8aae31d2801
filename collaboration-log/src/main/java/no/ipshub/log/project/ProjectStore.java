package no.ipshub.log.project;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The research projects and table readers in the database ({@code research_project},
 * {@code research_project_researcher}, {@code research_table_reader}). Every change bumps
 * {@code research_directory_version} in the same transaction, so every instance's {@link ProjectDirectory} sees it
 * at its next look.
 */
public class ProjectStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProjectStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A project as stored.
     *
     * @param project   the project
     * @param sealedKey its key, sealed; null for the default project, whose key is in its key file
     */
    public record Stored(ResearchProject project, byte[] sealedKey) {
    }

    /** The directory's version: changes whenever a project or table reader does. */
    public long version() {
        Long v = jdbc.queryForObject("SELECT version FROM research_directory_version WHERE id = 1", Long.class);
        return v == null ? 0 : v;
    }

    /** Every project, by code. */
    public List<Stored> projects() {
        Map<String, Set<String>> researchers = new HashMap<>();
        jdbc.query("SELECT project, researcher FROM research_project_researcher", rs -> {
            researchers.computeIfAbsent(rs.getString("project"), p -> new HashSet<>()).add(rs.getString("researcher"));
        });
        return jdbc.query("SELECT code, name, min_cell_size, sealed_key, default_project, all_researchers FROM research_project "
                + "ORDER BY code", (rs, n) -> new Stored(new ResearchProject(rs.getString("code"), rs.getString("name"),
                        rs.getInt("min_cell_size"),
                        rs.getBoolean("all_researchers") ? null : researchers.getOrDefault(rs.getString("code"), Set.of()),
                        rs.getBoolean("default_project")), rs.getBytes("sealed_key")));
    }

    public Optional<Stored> project(String code) {
        return projects().stream().filter(p -> p.project().code().equals(code)).findFirst();
    }

    /**
     * Makes the configured default project the stored default one: inserted or updated with the configuration's
     * name, threshold and researchers; any other project marked default before is no longer.
     */
    public void synchroniseDefault(ResearchProject project) {
        OffsetDateTime now = now();
        jdbc.update("UPDATE research_project SET default_project = FALSE, updated_at = ? WHERE default_project AND code <> ?",
                now, project.code());
        int updated = jdbc.update("UPDATE research_project SET name = ?, min_cell_size = ?, default_project = TRUE, "
                + "all_researchers = ?, updated_at = ? WHERE code = ?", project.name(), project.minCellSize(),
                project.researchers() == null, now, project.code());
        if (updated == 0) {
            jdbc.update("INSERT INTO research_project (code, name, min_cell_size, sealed_key, default_project, all_researchers, "
                    + "created_at, updated_at) VALUES (?, ?, ?, NULL, TRUE, ?, ?, ?) ON CONFLICT DO NOTHING",
                    project.code(), project.name(), project.minCellSize(), project.researchers() == null, now, now);
        }
        replaceResearchers(project.code(), project.researchers() == null ? Set.of() : project.researchers());
        bump();
    }

    /** Adds a project with its sealed key; false when the code is taken. */
    public boolean insert(ResearchProject project, byte[] sealedKey) {
        OffsetDateTime now = now();
        int inserted = jdbc.update("INSERT INTO research_project (code, name, min_cell_size, sealed_key, default_project, "
                + "all_researchers, created_at, updated_at) VALUES (?, ?, ?, ?, FALSE, FALSE, ?, ?) ON CONFLICT DO NOTHING",
                project.code(), project.name(), project.minCellSize(), sealedKey, now, now);
        if (inserted == 0) {
            return false;
        }
        replaceResearchers(project.code(), project.researchers());
        bump();
        return true;
    }

    /** Changes a project's name, threshold and researchers. */
    public void update(ResearchProject project) {
        jdbc.update("UPDATE research_project SET name = ?, min_cell_size = ?, updated_at = ? WHERE code = ?", project.name(),
                project.minCellSize(), now(), project.code());
        replaceResearchers(project.code(), project.researchers());
        bump();
    }

    private void replaceResearchers(String project, Set<String> researchers) {
        jdbc.update("DELETE FROM research_project_researcher WHERE project = ?", project);
        List<String> names = List.copyOf(researchers);
        jdbc.batchUpdate("INSERT INTO research_project_researcher (project, researcher) VALUES (?, ?)", names, names.size(),
                (ps, name) -> {
                    ps.setString(1, project);
                    ps.setString(2, name);
                });
    }

    /** Every table reader, by name. */
    public List<TableReader> tableReaders() {
        return jdbc.query("SELECT name, project, teams, nav_offices FROM research_table_reader ORDER BY name",
                (rs, n) -> new TableReader(rs.getString("name"), rs.getString("project"),
                        new TableScope(split(rs.getString("teams")), split(rs.getString("nav_offices")))));
    }

    /** Adds or changes a table reader. */
    public void putTableReader(TableReader reader) {
        OffsetDateTime now = now();
        String teams = String.join(",", reader.scope().teams().stream().sorted().toList());
        String offices = String.join(",", reader.scope().navOffices().stream().sorted().toList());
        int updated = jdbc.update("UPDATE research_table_reader SET project = ?, teams = ?, nav_offices = ?, updated_at = ? "
                + "WHERE name = ?", reader.project(), teams, offices, now, reader.name());
        if (updated == 0) {
            jdbc.update("INSERT INTO research_table_reader (name, project, teams, nav_offices, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", reader.name(), reader.project(), teams, offices, now, now);
        }
        bump();
    }

    /** Removes a table reader; false when there was none. */
    public boolean removeTableReader(String name) {
        int removed = jdbc.update("DELETE FROM research_table_reader WHERE name = ?", name);
        bump();
        return removed > 0;
    }

    private void bump() {
        jdbc.update("UPDATE research_directory_version SET version = version + 1 WHERE id = 1");
    }

    private static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(list.split(",")));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The codes of the stored projects, for messages. */
    public List<String> codes() {
        return new ArrayList<>(projects().stream().map(p -> p.project().code()).toList());
    }
}

package no.ipshub.log.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/** The log's entries as the research API reads them: pages, counts, streams, per project. */
public class CollaborationLogEntries {

    private static final RowMapper<CollaborationLogEntry> ENTRIES = (rs, n) -> LogRows.entry(rs);

    private final JdbcTemplate jdbc;
    private final String project;

    /**
     * @param project the default project's code
     */
    public CollaborationLogEntries(JdbcTemplate jdbc, String project) {
        this.jdbc = jdbc;
        this.project = project;
    }

    /** One page of the default project's entries, ordered by event date and entry id. */
    public List<CollaborationLogEntry> find(EntryQuery query, int offset, int limit) {
        return find(project, query, offset, limit);
    }

    /** One page of the project's entries, ordered by event date and entry id. */
    public List<CollaborationLogEntry> find(String project, EntryQuery query, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + LogRows.ENTRY_COLUMNS + " FROM log_entry" + where
                + " ORDER BY event_date, entry_id LIMIT ? OFFSET ?", ENTRIES, args.toArray());
    }

    /** How many of the default project's entries match. */
    public long count(EntryQuery query) {
        return count(project, query);
    }

    /** How many of the project's entries match. */
    public long count(String project, EntryQuery query) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM log_entry" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Hands every matching entry of the project to {@code sink}, ordered by event date and entry id, without holding them all. */
    public void stream(String project, EntryQuery query, Consumer<CollaborationLogEntry> sink) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        jdbc.query("SELECT " + LogRows.ENTRY_COLUMNS + " FROM log_entry" + where + " ORDER BY event_date, entry_id",
                (RowCallbackHandler) rs -> sink.accept(LogRows.entry(rs)), args.toArray());
    }

    /** Every entry of the project with an event on or before {@code to}: what the indicators are computed from. */
    public List<CollaborationLogEntry> upTo(String project, LocalDate to) {
        return jdbc.query("SELECT " + LogRows.ENTRY_COLUMNS + " FROM log_entry WHERE project = ? AND event_date <= ?",
                ENTRIES, project, to);
    }

    /** How many entries of the participant are stored (zero once they withdrew). */
    public long countOfParticipant(String participantKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM log_entry WHERE participant_key = ?", Long.class, participantKey);
        return n == null ? 0 : n;
    }
}

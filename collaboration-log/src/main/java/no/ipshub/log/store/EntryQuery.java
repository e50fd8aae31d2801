package no.ipshub.log.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.schemas.v1.CollaborationEventKind;

/**
 * A filter on log entries; every part is optional (null means any).
 *
 * @param from      first event date, inclusive
 * @param to        last event date, inclusive
 * @param team      partner id of the treatment team
 * @param navOffice partner id of the NAV office
 * @param kind      event kind
 */
public record EntryQuery(LocalDate from, LocalDate to, String team, String navOffice, CollaborationEventKind kind) {

    /** No filter. */
    public static EntryQuery all() {
        return new EntryQuery(null, null, null, null, null);
    }

    /** The filter as {@code key=value} pairs, for the audit trail. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (team != null) {
            parts.add("team=" + team);
        }
        if (navOffice != null) {
            parts.add("navOffice=" + navOffice);
        }
        if (kind != null) {
            parts.add("kind=" + kind);
        }
        return String.join("&", parts);
    }

    String where(List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE project = ?");
        if (from != null) {
            sql.append(" AND event_date >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND event_date <= ?");
            args.add(to);
        }
        if (team != null) {
            sql.append(" AND team = ?");
            args.add(team);
        }
        if (navOffice != null) {
            sql.append(" AND nav_office = ?");
            args.add(navOffice);
        }
        if (kind != null) {
            sql.append(" AND event_kind = ?");
            args.add(kind.name());
        }
        return sql.toString();
    }
}

package no.ipshub.log.survival;

import java.util.Locale;
import no.ipshub.log.cases.LoggedCase;

/**
 * How time-to-event results are broken down: by treatment team, NAV office, their pair, or whether the case was
 * handed to another job specialist before its first competitive job (or before it was censored).
 */
public enum TimeToEventGrouping {
    TEAM, NAV_OFFICE, PAIR, SPECIALIST_CHANGE;

    /** Parses {@code team}, {@code navOffice} or {@code pair}. */
    public static TimeToEventGrouping parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "team" -> TEAM;
            case "navoffice", "nav_office", "nav-office" -> NAV_OFFICE;
            case "pair" -> PAIR;
            case "specialistchange", "specialist_change", "specialist-change" -> SPECIALIST_CHANGE;
            default -> throw new IllegalArgumentException("groupBy must be team, navOffice, pair or specialistChange");
        };
    }

    /** The parameter value naming this breakdown. */
    public String parameter() {
        return switch (this) {
            case TEAM -> "team";
            case NAV_OFFICE -> "navOffice";
            case PAIR -> "pair";
            case SPECIALIST_CHANGE -> "specialistChange";
        };
    }

    /** The group a case belongs to: its team, its NAV office, or {@code team|navOffice}. */
    public String groupOf(LoggedCase c) {
        return switch (this) {
            case TEAM -> c.team();
            case NAV_OFFICE -> c.navOffice();
            case PAIR -> c.team() + "|" + c.navOffice();
            case SPECIALIST_CHANGE -> handedOverBeforeFirstJob(c) ? "changed" : "unchanged";
        };
    }

    /** True when the case had a handover dated before its first competitive job (any handover, without a job). */
    static boolean handedOverBeforeFirstJob(LoggedCase c) {
        java.time.LocalDate job = c.jobs().stream().filter(j -> Boolean.TRUE.equals(j.competitive()))
                .map(no.ipshub.log.cases.Job::start).findFirst().orElse(java.time.LocalDate.MAX);
        return c.events().stream().anyMatch(e -> e.getEventKind()
                == no.ipshub.schemas.v1.CollaborationEventKind.JOB_SPECIALIST_CHANGED && e.getEventDate().isBefore(job));
    }
}

package no.ipshub.log.survival;

import java.util.Locale;
import no.ipshub.log.cases.LoggedCase;

/** How time-to-event results are broken down: by treatment team, NAV office, or their pair. */
public enum TimeToEventGrouping {
    TEAM, NAV_OFFICE, PAIR;

    /** Parses {@code team}, {@code navOffice} or {@code pair}. */
    public static TimeToEventGrouping parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "team" -> TEAM;
            case "navoffice", "nav_office", "nav-office" -> NAV_OFFICE;
            case "pair" -> PAIR;
            default -> throw new IllegalArgumentException("groupBy must be team, navOffice or pair");
        };
    }

    /** The parameter value naming this breakdown. */
    public String parameter() {
        return switch (this) {
            case TEAM -> "team";
            case NAV_OFFICE -> "navOffice";
            case PAIR -> "pair";
        };
    }

    /** The group a case belongs to: its team, its NAV office, or {@code team|navOffice}. */
    public String groupOf(LoggedCase c) {
        return switch (this) {
            case TEAM -> c.team();
            case NAV_OFFICE -> c.navOffice();
            case PAIR -> c.team() + "|" + c.navOffice();
        };
    }
}

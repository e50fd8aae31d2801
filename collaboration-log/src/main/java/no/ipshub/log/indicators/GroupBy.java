package no.ipshub.log.indicators;

import java.util.Locale;

/** How indicators are broken down: by treatment team, by NAV office, or by calendar month. */
public enum GroupBy {
    TEAM, NAV_OFFICE, MONTH;

    /** Parses {@code team}, {@code navOffice} or {@code month}. */
    public static GroupBy parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "team" -> TEAM;
            case "navoffice", "nav_office", "nav-office" -> NAV_OFFICE;
            case "month" -> MONTH;
            default -> throw new IllegalArgumentException("groupBy must be team, navOffice or month");
        };
    }

    /** The parameter value naming this breakdown. */
    public String parameter() {
        return switch (this) {
            case TEAM -> "team";
            case NAV_OFFICE -> "navOffice";
            case MONTH -> "month";
        };
    }
}

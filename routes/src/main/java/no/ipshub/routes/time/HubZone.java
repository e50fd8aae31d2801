package no.ipshub.routes.time;

import java.time.ZoneId;

/**
 * The hub's time zone. The hub serves Norwegian partners: the date of a message, a case, a report or an export
 * is the date in Norway, whatever zone the process runs in.
 */
public final class HubZone {

    /** The zone's id, for settings that take it as text. */
    public static final String NORWAY_ID = "Europe/Oslo";

    public static final ZoneId NORWAY = ZoneId.of(NORWAY_ID);

    private HubZone() {
    }
}

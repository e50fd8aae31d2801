package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.ipshub.web.page.Model;

/** Formatting of the dashboard's figures and times for its templates, which escape what they are given. */
final class OpsHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private OpsHtml() {
    }

    /** Text safe inside a JSON string literal. */
    static String json(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A count with thousands separators. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A rate with one decimal, or a dash when unknown. */
    static String rate(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Milliseconds with one decimal. */
    static String millis(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /**
     * A time for {@code ops/parts/time}: the age ("42 s ago") as text, the local time as its title, the instant as
     * its machine-readable value; {@code never} (in a muted span) for null.
     */
    static Model time(Instant at, Instant now, ZoneId zone, String never) {
        if (at == null) {
            return Model.of("datetime", null).with("never", never);
        }
        String local = TIME.format(at.atZone(zone));
        return Model.of("datetime", at.toString()).with("title", local + " " + zone.getId())
                .with("age", age(at, now, local));
    }

    /** How long ago, for people: seconds, minutes, hours, then the local date and time. */
    static String age(Instant at, Instant now, String local) {
        Duration d = Duration.between(at, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s ago";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        }
        return local;
    }

    /** A length of time for people: seconds, minutes, hours and minutes, or days and hours. */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** The local time of an instant, or a dash. */
    static String localTime(Instant at, ZoneId zone) {
        return at == null ? "–" : TIME.format(at.atZone(zone));
    }
}

package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import no.ipshub.web.page.PageTemplates;
import org.junit.jupiter.api.Test;

class OpsHtmlTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** A time as the dashboard draws it. */
    private static String time(Instant at, Instant now, ZoneId zone, String never) {
        return PageTemplates.render("ops/parts/time", OpsHtml.time(at, now, zone, never));
    }

    @Test
    void jsonStringsEscapeQuotesAndAngleBrackets() {
        assertThat(OpsHtml.json("a\"b</")).isEqualTo("a\\\"b\\u003c/");
    }

    @Test
    void recentTimesShowTheirAge() {
        assertThat(time(NOW.minusSeconds(42), NOW, OSLO, "never")).contains(">42 s ago<");
        assertThat(time(NOW.minusSeconds(600), NOW, OSLO, "never")).contains(">10 min ago<");
    }

    @Test
    void olderTimesShowTheLocalDateAndTime() {
        assertThat(time(NOW.minusSeconds(3 * 86400), NOW, OSLO, "never")).contains(">2025-02-28 13:00:00<");
    }

    @Test
    void aMissingTimeShowsTheGivenWord() {
        assertThat(time(null, NOW, OSLO, "never")).contains("never");
    }
}

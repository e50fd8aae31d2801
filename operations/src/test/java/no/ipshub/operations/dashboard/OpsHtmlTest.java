package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OpsHtmlTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void markupInValuesIsEscaped() {
        assertThat(OpsHtml.esc("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void jsonStringsEscapeQuotesAndAngleBrackets() {
        assertThat(OpsHtml.json("a\"b</")).isEqualTo("a\\\"b\\u003c/");
    }

    @Test
    void recentTimesShowTheirAge() {
        assertThat(OpsHtml.time(NOW.minusSeconds(42), NOW, OSLO, "never")).contains(">42 s ago<");
        assertThat(OpsHtml.time(NOW.minusSeconds(600), NOW, OSLO, "never")).contains(">10 min ago<");
    }

    @Test
    void olderTimesShowTheLocalDateAndTime() {
        assertThat(OpsHtml.time(NOW.minusSeconds(3 * 86400), NOW, OSLO, "never")).contains(">2025-02-28 13:00:00<");
    }

    @Test
    void aMissingTimeShowsTheGivenWord() {
        assertThat(OpsHtml.time(null, NOW, OSLO, "never")).contains("never");
    }
}

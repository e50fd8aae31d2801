package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.operations.deadletter.DeadLetterEntry;
import no.ipshub.operations.deadletter.DeadLetterStatus;
import no.ipshub.operations.deadletter.DeadLetterSummary;
import org.junit.jupiter.api.Test;

class OpsFragmentsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
    private static final String MARKUP = "<img src=x onerror=alert(1)>";
    private static final OpsFragments FRAGMENTS = new OpsFragments(ZoneId.of("Europe/Oslo"), 3);

    private static OpsOverview.RouteView route(String id, String state) {
        return new OpsOverview.RouteView(id, state, "group-" + id, List.of(), 10, 0, 0, 1.0, 2, null, null, 0L, false);
    }

    private static DeadLetterSummary deadLetter(String reason, DeadLetterStatus status) {
        return new DeadLetterSummary(new DeadLetterEntry("dl-1", "haukeland-tsb", "PROCESSING_FAILED", reason, null,
                "partner-ingress", "ips.ingress.haukeland-tsb-v1", 0, 7, NOW, NOW, 1, status, 12, 0, null, null, null),
                true, "ips.ingress.haukeland-tsb-v1", null);
    }

    private static LoopStatus loop(String name, LoopState state, boolean degraded, String failure, String reason) {
        return new LoopStatus(name, LoopKind.THREAD, state, NOW.minusSeconds(90), degraded,
                state == LoopState.RESTARTING ? 4 : 0, failure == null ? 0 : 7, failure,
                failure == null ? null : NOW.minusSeconds(2), state == LoopState.RESTARTING ? NOW.plusSeconds(8) : null,
                reason);
    }

    @Test
    void aRestartingLoopShowsItsLastFailureAttemptsAndNextTry() {
        String html = FRAGMENTS.loops(List.of(loop("intake-replies", LoopState.RESTARTING, false,
                "KafkaException: the connection to the broker broke", null)), Duration.ofSeconds(60), NOW);

        assertThat(html).contains("data-loop=\"intake-replies\" data-state=\"RESTARTING\"")
                .contains("KafkaException: the connection to the broker broke")
                .contains("4 in a row").contains("in 8 s").contains("badge warn");
    }

    @Test
    void aLoopRestartingPastTheBoundIsMarkedDegraded() {
        String html = FRAGMENTS.loops(List.of(loop("ops-sampler", LoopState.RESTARTING, true, "TimeoutException", null)),
                Duration.ofSeconds(60), NOW);

        assertThat(html).contains("RESTARTING · DEGRADED").contains("badge bad");
    }

    @Test
    void aLoopThatIsDownShowsWhy() {
        String html = FRAGMENTS.loops(List.of(loop("intake-replies", LoopState.DOWN, false, null,
                "a restart cannot help: NoClassDefFoundError")), Duration.ofSeconds(60), NOW);

        assertThat(html).contains("data-state=\"DOWN\"").contains("a restart cannot help: NoClassDefFoundError");
    }

    @Test
    void markupInALoopsFailureIsEscaped() {
        String html = FRAGMENTS.loops(List.of(loop("intake-replies", LoopState.RESTARTING, false, MARKUP, MARKUP)),
                Duration.ofSeconds(60), NOW);

        assertThat(html).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void markupInARouteIdIsEscapedWhereverItIsShown() {
        String html = FRAGMENTS.routes(List.of(route(MARKUP, "Started")));

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void markupInADeadLettersReasonIsEscaped() {
        String html = FRAGMENTS.deadLetters(List.of(deadLetter(MARKUP, DeadLetterStatus.OPEN)), 0, 20, 1, Map.of(),
                NOW);

        assertThat(html).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void aStartedRouteOffersSuspendAndASuspendedOneResume() {
        String html = FRAGMENTS.routes(List.of(route("a", "Started"), route("b", "Suspended")));

        assertThat(html).contains("hx-post=\"/ops/actions/routes/a/suspend\"")
                .contains("hx-post=\"/ops/actions/routes/b/resume\"");
    }

    @Test
    void noRoutesShowTheEmptyRow() {
        assertThat(FRAGMENTS.routes(List.of())).contains("No routes are running.");
    }

    @Test
    void onlyAnOpenDeadLetterCanBeDiscardedAndADiscardedOneNotReplayed() {
        String open = FRAGMENTS.deadLetters(List.of(deadLetter("r", DeadLetterStatus.OPEN)), 0, 20, 1, Map.of(), NOW);
        String discarded = FRAGMENTS.deadLetters(List.of(deadLetter("r", DeadLetterStatus.DISCARDED)), 0, 20, 1,
                Map.of(), NOW);

        assertThat(open).contains("data-action=\"discard\"").contains("data-action=\"replay\"");
        assertThat(discarded).doesNotContain("data-action=\"discard\"").doesNotContain("data-action=\"replay\"");
    }

    @Test
    void theSelectedOptionIsMarkedAndTheEmptyOneLabelled() {
        String html = OpsFragments.options(List.of("", "OPEN", MARKUP), "OPEN", "any");

        assertThat(html).isEqualTo("<option value=\"\">any</option><option value=\"OPEN\" selected>OPEN</option>"
                + "<option value=\"&lt;img src=x onerror=alert(1)&gt;\">&lt;img src=x onerror=alert(1)&gt;</option>");
    }

    @Test
    void aFlashEscapesItsMessage() {
        assertThat(OpsFragments.flash(false, MARKUP))
                .isEqualTo("<p class=\"flash bad\">&lt;img src=x onerror=alert(1)&gt;</p>");
    }

    private static LagSnapshot lagWithAlert(String topic) {
        TopicLag lag = new TopicLag(topic, 3, 40, 40, 28, 12, true, 0, NOW.minusSeconds(17 * 60), 17 * 60L,
                List.of(LagAlertReason.OLDEST_AGE));
        return new LagSnapshot(NOW, new LagSnapshot.Thresholds(10_000, 900),
                List.of(new LagSnapshot.RouteLag("partner-ingress", "ips-hub-ingress", 12, 17 * 60L, true, List.of(lag))),
                List.of(), List.of(new LagSnapshot.Alert("partner-ingress", "ips-hub-ingress", topic, "haukeland-tsb",
                        12, 17 * 60L, 0, List.of(LagAlertReason.OLDEST_AGE))), null);
    }

    @Test
    void aLagAlertIsShownAtTheTopOfTheLagSectionWithTheAgeOfTheOldestUnreadRecord() {
        String html = FRAGMENTS.lag(lagWithAlert("ips.ingress.haukeland-tsb-v1"), NOW);

        assertThat(html).contains("id=\"lag-alerts\"").contains("ips.ingress.haukeland-tsb-v1")
                .contains("12 records behind, the oldest written 17 min ago");
    }

    @Test
    void noAlertShowsNoAlertBox() {
        LagSnapshot quiet = new LagSnapshot(NOW, new LagSnapshot.Thresholds(10_000, 900), List.of(), List.of(),
                List.of(), null);

        assertThat(FRAGMENTS.lag(quiet, NOW)).doesNotContain("lag-alerts").contains("15 min ago or more");
    }

    @Test
    void markupInAnAlertsTopicIsEscaped() {
        assertThat(FRAGMENTS.lag(lagWithAlert(MARKUP), NOW)).doesNotContain("<img").contains("&lt;img");
    }
}

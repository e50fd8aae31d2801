package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.nhn.NhnDeliveryStore.State;
import no.ipshub.connectors.nhn.NhnDeliveryStore.View;
import no.ipshub.connectors.nhn.NhnDeliveryStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class OpsNhnControllerTest {

    private static final Instant NOW = Instant.parse("2025-03-05T10:00:00Z");
    private final OpsNhnController controller = new OpsNhnController(
            new StaticListableBeanFactory().getBeanProvider(NhnDeliveryStore.class),
            new OpsProperties(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(3),
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofSeconds(3),
                    ZoneId.of("Europe/Oslo"), Duration.ofHours(8), new LagAlertThresholds(10_000, Duration.ofMinutes(15))),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static View delivery(String state, String apprec, String errors) {
        return new View(1, "haukeland-tsb", "7c2e4d10-95ab-4f0e-b7a1-0d3c5e6f7a82", "case-1", 990011, state, 1,
                "nhn-1", apprec, errors, null, NOW, NOW, NOW);
    }

    @Test
    void eachMessageShowsTheApplicationReceiptItGot() {
        String html = controller.content(Map.of(State.REJECTED, 1L),
                List.of(delivery("REJECTED", "AVVIST", "E21 Mottaker finnes ikke")), NOW);

        assertThat(html).contains("data-apprec=\"AVVIST\"", "AVVIST: E21 Mottaker finnes ikke", "1 AppRec AVVIST");
    }

    @Test
    void aReceiversTextIsEscaped() {
        String html = controller.content(Map.of(), List.of(delivery("REJECTED", "AVVIST", "X99 <script>")), NOW);

        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void theSectionSaysSoWhenTheEdgeIsSwitchedOff() {
        assertThat(controller.fragment().getBody()).contains("switched off");
    }
}

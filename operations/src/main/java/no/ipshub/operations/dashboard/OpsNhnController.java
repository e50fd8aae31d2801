package no.ipshub.operations.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.ipshub.connectors.nhn.NhnDeliveryStore;
import no.ipshub.operations.dashboard.OpsTemplate.Parts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's Norsk helsenett section ({@code /ops/fragments/nhn}): the messages sent as Dialogmelding, newest
 * first, each with its state and the application receipt it got (OK, or AVVIST with the receiver's error codes),
 * and counts per state. The page loads it when it opens and polls it like every section.
 */
@RestController
public class OpsNhnController {

    static final int ROWS = 50;
    private static final Parts NHN = OpsTemplate.parts("ops/fragments/nhn.html");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ObjectProvider<NhnDeliveryStore> deliveries;
    private final ZoneId zone;
    private final long refreshSeconds;
    private final Clock clock;

    public OpsNhnController(ObjectProvider<NhnDeliveryStore> deliveries, OpsProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.zone = properties.zone();
        this.refreshSeconds = Math.max(1, properties.pageRefresh().toSeconds());
        this.clock = clock;
    }

    @GetMapping("/ops/fragments/nhn")
    public ResponseEntity<String> fragment() {
        NhnDeliveryStore store = deliveries.getIfAvailable();
        String content = store == null ? NHN.get("off").render(Map.of())
                : content(store.countsByState(), store.latest(null, ROWS), clock.instant());
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store")
                .body(NHN.get("section").render(OpsTemplate.slots()
                        .text("trigger", "every " + refreshSeconds + "s")
                        .html("content", content)));
    }

    String content(Map<NhnDeliveryStore.State, Long> counts, List<NhnDeliveryStore.View> latest, Instant now) {
        long rejected = counts.getOrDefault(NhnDeliveryStore.State.REJECTED, 0L);
        long parked = counts.getOrDefault(NhnDeliveryStore.State.PARKED, 0L);
        String rows = latest.isEmpty() ? NHN.get("empty").render(Map.of()) : latest.stream().map(d -> NHN.get("row")
                .render(OpsTemplate.slots()
                        .html("createdAt", OpsHtml.time(d.createdAt(), now, zone, "–"))
                        .text("partner", d.partnerId())
                        .text("herId", d.herId())
                        .text("message", d.messageId())
                        .text("state", d.state())
                        .text("attempts", d.attempts())
                        .text("apprecStatus", d.apprecStatus() == null ? "" : d.apprecStatus())
                        .text("apprec", d.apprecStatus() == null ? "–" : d.apprecStatus()
                                + (d.apprecErrors() == null ? "" : ": " + d.apprecErrors()))
                        .text("error", d.lastError() == null ? "" : d.lastError())))
                .collect(Collectors.joining());
        return NHN.get("deliveries").render(OpsTemplate.slots()
                .text("pending", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.PENDING, 0L)))
                .text("sent", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.SENT, 0L)))
                .text("ok", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.OK, 0L)))
                .text("rejectedClass", rejected > 0 ? "bad" : "")
                .text("rejected", OpsHtml.count(rejected))
                .text("parkedClass", parked > 0 ? "bad" : "")
                .text("parked", OpsHtml.count(parked))
                .html("rows", rows));
    }
}

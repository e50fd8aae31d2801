package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.ipshub.connectors.nhn.NhnDeliveryStore;
import no.ipshub.web.page.Model;
import no.ipshub.web.page.PageResponses;
import org.springframework.beans.factory.ObjectProvider;
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
        String body = store == null ? OpsFragments.draw("nhn", section().with("on", false))
                : content(store.countsByState(), store.latest(null, ROWS), clock.instant());
        return ResponseEntity.ok().contentType(PageResponses.HTML).header("Cache-Control", "no-store").body(body);
    }

    private Model section() {
        return Model.of("poll", Model.of("id", "nhn").with("url", "/ops/fragments/nhn")
                .with("trigger", "every " + refreshSeconds + "s"));
    }

    /** The section with the counts per state and the latest deliveries. */
    String content(Map<NhnDeliveryStore.State, Long> counts, List<NhnDeliveryStore.View> latest, Instant now) {
        long rejected = counts.getOrDefault(NhnDeliveryStore.State.REJECTED, 0L);
        long parked = counts.getOrDefault(NhnDeliveryStore.State.PARKED, 0L);
        return OpsFragments.draw("nhn", section().with("on", true)
                .with("pending", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.PENDING, 0L)))
                .with("sent", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.SENT, 0L)))
                .with("ok", OpsHtml.count(counts.getOrDefault(NhnDeliveryStore.State.OK, 0L)))
                .with("rejectedClass", rejected > 0 ? "bad" : "")
                .with("rejected", OpsHtml.count(rejected))
                .with("parkedClass", parked > 0 ? "bad" : "")
                .with("parked", OpsHtml.count(parked))
                .with("columns", 8).with("empty", "No messages sent over Norsk helsenett yet.")
                .with("rows", latest.stream().map(d -> Model.of("createdAt", OpsHtml.time(d.createdAt(), now, zone, "–"))
                        .with("partner", d.partnerId())
                        .with("herId", d.herId())
                        .with("message", d.messageId())
                        .with("state", d.state())
                        .with("attempts", d.attempts())
                        .with("apprecStatus", d.apprecStatus())
                        .with("apprec", d.apprecStatus() == null ? "–" : d.apprecStatus()
                                + (d.apprecErrors() == null ? "" : ": " + d.apprecErrors()))
                        .with("error", d.lastError())).toList()));
    }
}

package no.ipshub.operations.dashboard;

import static no.ipshub.operations.dashboard.OpsHtml.count;
import static no.ipshub.operations.dashboard.OpsHtml.esc;
import static no.ipshub.operations.dashboard.OpsHtml.millis;
import static no.ipshub.operations.dashboard.OpsHtml.rate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.ipshub.connectors.webhook.WebhookDeliveryStore;
import no.ipshub.operations.deadletter.BytePreview;
import no.ipshub.operations.deadletter.DeadLetterCounts;
import no.ipshub.operations.deadletter.DeadLetterDetail;
import no.ipshub.operations.deadletter.DeadLetterStatus;
import no.ipshub.operations.deadletter.DeadLetterSummary;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's sections as HTML fragments. Each polling section is a {@code div} that carries its own htmx
 * polling attributes, so a refresh replaces it whole ({@code outerHTML}) and keeps its filter and page. Buttons
 * inside a section name their own {@code hx-swap}, since htmx would otherwise inherit the section's.
 */
final class OpsFragments {

    static final String FRAGMENTS = "/ops/fragments/";
    static final String DEAD_LETTERS_CHANGED = "ops-deadletters-changed";
    static final String WEBHOOKS_CHANGED = "ops-webhooks-changed";

    private final ZoneId zone;
    private final long refreshSeconds;
    private final long lagWarning;

    OpsFragments(ZoneId zone, long refreshSeconds, long lagWarning) {
        this.zone = zone;
        this.refreshSeconds = refreshSeconds;
        this.lagWarning = lagWarning;
    }

    private String polling(String id, String url, String extraTrigger) {
        String trigger = "every " + refreshSeconds + "s" + (extraTrigger == null ? "" : ", " + extraTrigger);
        return "<div id=\"" + id + "\" hx-get=\"" + esc(url) + "\" hx-trigger=\"" + esc(trigger)
                + "\" hx-swap=\"outerHTML\">";
    }

    String routes(List<OpsOverview.RouteView> routes) {
        StringBuilder h = new StringBuilder(polling("routes", FRAGMENTS + "routes", null));
        h.append("<table class=\"grid\"><thead><tr><th>Route</th><th>State</th><th class=\"num\">Exchanges</th>"
                + "<th class=\"num\">Failed</th><th class=\"num\">In flight</th><th class=\"num\">Mean ms</th>"
                + "<th class=\"num\">Max ms</th><th class=\"num\">Exchanges/s</th><th class=\"num\">Records/s</th>"
                + "<th class=\"num\">Lag</th><th></th></tr></thead><tbody>");
        if (routes.isEmpty()) {
            h.append("<tr><td colspan=\"11\" class=\"muted\">No routes are running.</td></tr>");
        }
        for (OpsOverview.RouteView r : routes) {
            boolean started = "Started".equals(r.state());
            h.append("<tr data-route=\"").append(esc(r.id())).append("\"><td><code>").append(esc(r.id()))
                    .append("</code>");
            if (r.consumerGroup() != null) {
                h.append("<div class=\"sub\">group ").append(esc(r.consumerGroup())).append("</div>");
            }
            h.append("</td><td><span class=\"badge ").append(started ? "up" : "warn").append("\">")
                    .append(esc(r.state())).append("</span></td>")
                    .append("<td class=\"num\">").append(count(r.exchangesTotal())).append("</td>")
                    .append("<td class=\"num").append(r.exchangesFailed() > 0 ? " bad" : "").append("\">")
                    .append(count(r.exchangesFailed())).append("</td>")
                    .append("<td class=\"num\">").append(count(r.exchangesInflight())).append("</td>")
                    .append("<td class=\"num\">").append(millis(r.meanProcessingMillis())).append("</td>")
                    .append("<td class=\"num\">").append(count(r.maxProcessingMillis())).append("</td>")
                    .append("<td class=\"num\">").append(rate(r.exchangesPerSecond())).append("</td>")
                    .append("<td class=\"num\">").append(rate(r.recordsPerSecond())).append("</td>")
                    .append(lagCell(r.lag()))
                    .append("<td>");
            String action = started ? "suspend" : "resume";
            h.append("<button type=\"button\" class=\"small\" hx-post=\"/ops/actions/routes/").append(esc(r.id()))
                    .append('/').append(action).append("\" hx-target=\"#routes\" hx-swap=\"outerHTML\"")
                    .append(" hx-disabled-elt=\"this\" data-action=\"").append(action).append("\">")
                    .append(started ? "Suspend" : "Resume").append("</button></td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    String lag(LagSnapshot lag, Instant now) {
        StringBuilder h = new StringBuilder(polling("lag", FRAGMENTS + "lag", null));
        h.append("<p class=\"meta\">Offsets read ")
                .append(OpsHtml.time(lag.sampledAt(), now, zone, "not yet")).append(". Marked when ")
                .append(count(lagWarning)).append(" or more records behind.</p>");
        if (lag.error() != null) {
            h.append("<p class=\"flash bad\">").append(esc(lag.error())).append("</p>");
        }
        h.append("<h3>Per partner</h3><table class=\"grid\"><thead><tr><th>Partner</th>"
                + "<th class=\"num\" title=\"Records on the partner's ingress topic the hub has not taken in yet\">"
                + "Ingress backlog</th><th class=\"num\" title=\"Records ever delivered to the partner's inbox topic\">"
                + "Inbox records</th><th class=\"num\" title=\"Records still on the inbox topic\">Inbox retained</th>"
                + "<th>Partner's consumer group</th><th class=\"num\" title=\"Inbox records the partner's group has not"
                + " committed\">Partner lag</th></tr></thead><tbody>");
        for (LagSnapshot.PartnerLag p : lag.partners()) {
            h.append("<tr><td>").append(esc(p.partner())).append("</td>").append(lagCell(p.ingressLag()))
                    .append("<td class=\"num\">").append(p.inboxRecords() == null ? "–" : count(p.inboxRecords()))
                    .append("</td><td class=\"num\">")
                    .append(p.inboxRetained() == null ? "–" : count(p.inboxRetained())).append("</td><td>")
                    .append(p.inboxGroup() == null ? "<span class=\"muted\">none (reads over HTTP or not yet)</span>"
                            : "<code>" + esc(p.inboxGroup()) + "</code>")
                    .append("</td>").append(lagCell(p.inboxLag())).append("</tr>");
        }
        h.append("</tbody></table><h3>Per route consumer group</h3><table class=\"grid\"><thead><tr><th>Route</th>"
                + "<th>Group</th><th class=\"num\">Lag</th><th>Topics</th></tr></thead><tbody>");
        for (LagSnapshot.RouteLag r : lag.routes()) {
            String topics = r.topics().stream()
                    .map(t -> "<span class=\"topic\"><code>" + esc(t.topic()) + "</code> " + count(t.lag()) + "</span>")
                    .collect(Collectors.joining(" "));
            h.append("<tr><td><code>").append(esc(r.routeId())).append("</code></td><td><code>")
                    .append(esc(r.consumerGroup())).append("</code></td>").append(lagCell(r.lag())).append("<td>")
                    .append(topics).append("</td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    private String lagCell(Long lag) {
        if (lag == null) {
            return "<td class=\"num muted\">–</td>";
        }
        String cls = lag >= lagWarning ? " bad" : lag == 0 ? " good" : "";
        return "<td class=\"num" + cls + "\">" + count(lag) + "</td>";
    }

    String deadLetterCounts(DeadLetterCounts counts) {
        StringBuilder h = new StringBuilder(polling("dl-counts", FRAGMENTS + "deadletter-counts",
                DEAD_LETTERS_CHANGED + " from:body"));
        h.append("<p class=\"totals\"><span class=\"badge ").append(counts.open() > 0 ? "bad" : "up").append("\">")
                .append(count(counts.open())).append(" open</span> <span class=\"badge\">")
                .append(count(counts.replayed())).append(" replayed</span> <span class=\"badge\">")
                .append(count(counts.discarded())).append(" discarded</span></p>");
        h.append("<table class=\"grid\"><thead><tr><th>Reason</th><th class=\"num\">Open</th>"
                + "<th class=\"num\">Replayed</th><th class=\"num\">Discarded</th><th class=\"num\">Total</th>"
                + "</tr></thead><tbody>");
        if (counts.byReason().isEmpty()) {
            h.append("<tr><td colspan=\"5\" class=\"muted\">No dead letters.</td></tr>");
        }
        for (DeadLetterCounts.ReasonLine line : counts.byReason()) {
            h.append("<tr><td><code>").append(esc(line.reasonCode())).append("</code></td><td class=\"num")
                    .append(line.open() > 0 ? " bad" : "").append("\">").append(count(line.open()))
                    .append("</td><td class=\"num\">").append(count(line.replayed())).append("</td><td class=\"num\">")
                    .append(count(line.discarded())).append("</td><td class=\"num\">").append(count(line.total()))
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    /**
     * The dead-letter table.
     *
     * @param query the filter and page as request parameters, kept in the polling and paging URLs
     */
    String deadLetters(List<DeadLetterSummary> items, int page, int size, long total, Map<String, String> query,
            Instant now) {
        String self = url(FRAGMENTS + "deadletters", query, page);
        StringBuilder h = new StringBuilder(polling("deadletters", self, DEAD_LETTERS_CHANGED + " from:body"));
        h.append("<table class=\"grid\"><thead><tr><th>Last failure</th><th>Partner</th><th>Reason</th>"
                + "<th>Message</th><th>Source</th><th class=\"num\">Attempts</th><th>Status</th><th></th>"
                + "</tr></thead><tbody>");
        if (items.isEmpty()) {
            h.append("<tr><td colspan=\"8\" class=\"muted\">No dead letters match.</td></tr>");
        }
        for (DeadLetterSummary d : items) {
            h.append("<tr data-dead-letter=\"").append(esc(d.id())).append("\"><td>")
                    .append(OpsHtml.time(d.lastFailureAt(), now, zone, "–")).append("</td><td>")
                    .append(d.partner() == null ? "<span class=\"muted\">unknown</span>" : esc(d.partner()))
                    .append("</td><td><code>").append(esc(d.reasonCode())).append("</code><div class=\"sub\">")
                    .append(esc(abbreviate(d.reason(), 140))).append("</div></td><td>")
                    .append(d.messageId() == null ? "<span class=\"muted\">not decodable</span>"
                            : "<code>" + esc(d.messageId()) + "</code>")
                    .append("</td><td><code>").append(esc(d.sourceTopic())).append("</code><div class=\"sub\">partition ")
                    .append(d.sourcePartition()).append(", offset ").append(d.sourceOffset()).append("</div></td>")
                    .append("<td class=\"num\">").append(d.attempts()).append("</td><td><span class=\"badge ")
                    .append(statusClass(d.status())).append("\">").append(esc(d.status())).append("</span>");
            if (d.decidedBy() != null) {
                h.append("<div class=\"sub\">by ").append(esc(d.decidedBy())).append(' ')
                        .append(OpsHtml.time(d.decidedAt(), now, zone, "")).append("</div>");
            }
            h.append("</td><td class=\"actions\"><button type=\"button\" class=\"small\" hx-get=\"")
                    .append(FRAGMENTS).append("deadletter/").append(esc(d.id()))
                    .append("\" hx-target=\"#dl-detail\" hx-swap=\"innerHTML\" data-action=\"details\">Details</button>");
            if (d.status() != DeadLetterStatus.DISCARDED) {
                h.append("<button type=\"button\" class=\"small\" data-action=\"replay\" hx-post=\"/ops/actions/deadletters/")
                        .append(esc(d.id())).append("/replay\" hx-target=\"#ops-flash\" hx-swap=\"innerHTML\" hx-disabled-elt=\"this\"");
                if (!d.replayable()) {
                    h.append(" disabled title=\"").append(esc(d.notReplayableBecause())).append('"');
                } else {
                    h.append(" title=\"Write its original bytes to ").append(esc(d.replayTopic())).append('"');
                }
                h.append(">Replay</button>");
            }
            if (d.status() == DeadLetterStatus.OPEN) {
                h.append("<button type=\"button\" class=\"small danger\" data-action=\"discard\" data-discard-id=\"")
                        .append(esc(d.id())).append("\">Discard…</button>");
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");
        long pages = Math.max(1, (total + size - 1) / size);
        h.append("<p class=\"pager\">").append(count(total)).append(" matching · page ").append(page + 1).append(" of ")
                .append(pages);
        if (page > 0) {
            h.append(" <button type=\"button\" class=\"small\" hx-get=\"").append(esc(url(FRAGMENTS + "deadletters", query, page - 1)))
                    .append("\" hx-target=\"#deadletters\" hx-swap=\"outerHTML\">Newer</button>");
        }
        if (page + 1 < pages) {
            h.append(" <button type=\"button\" class=\"small\" hx-get=\"").append(esc(url(FRAGMENTS + "deadletters", query, page + 1)))
                    .append("\" hx-target=\"#deadletters\" hx-swap=\"outerHTML\">Older</button>");
        }
        return h.append("</p></div>").toString();
    }

    String deadLetterDetail(DeadLetterDetail detail, Instant now) {
        DeadLetterSummary d = detail.deadLetter();
        StringBuilder h = new StringBuilder("<article class=\"detail\"><h3>Dead letter <code>").append(esc(d.id()))
                .append("</code></h3><dl>");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Status", esc(d.status()) + (d.decidedBy() == null ? "" : " by " + esc(d.decidedBy()) + " at "
                + esc(OpsHtml.localTime(d.decidedAt(), zone))));
        if (d.discardReason() != null) {
            rows.put("Discard reason", esc(d.discardReason()));
        }
        rows.put("Reason", "<code>" + esc(d.reasonCode()) + "</code> " + esc(d.reason()));
        rows.put("Partner", d.partner() == null ? "unknown" : esc(d.partner()));
        rows.put("Message id", d.messageId() == null ? "not decodable" : "<code>" + esc(d.messageId()) + "</code>");
        rows.put("Route", "<code>" + esc(d.routeId()) + "</code>");
        rows.put("Source", "<code>" + esc(d.sourceTopic()) + "</code> partition " + d.sourcePartition() + ", offset "
                + d.sourceOffset());
        rows.put("Failures", d.attempts() + ", first " + esc(OpsHtml.localTime(d.firstFailureAt(), zone)) + ", last "
                + esc(OpsHtml.localTime(d.lastFailureAt(), zone)));
        rows.put("Replays", String.valueOf(d.replayCount()));
        rows.put("Replay", d.replayable() ? "to <code>" + esc(d.replayTopic()) + "</code>"
                : "not possible: " + esc(d.notReplayableBecause()));
        rows.put("Key", detail.originalKey() == null ? "none" : "<code>" + esc(detail.originalKey()) + "</code>");
        rows.put("Size", count(d.originalSize()) + " bytes");
        rows.forEach((k, v) -> h.append("<dt>").append(esc(k)).append("</dt><dd>").append(v).append("</dd>"));
        h.append("</dl>");
        if (detail.message() != null) {
            h.append("<h4>Message (personal values masked)</h4><pre class=\"json\">")
                    .append(esc(detail.message().toPrettyString())).append("</pre>");
        } else {
            BytePreview p = detail.preview();
            h.append("<h4>Not decodable: ").append(esc(detail.decodeError())).append("</h4>");
            if (p != null) {
                h.append("<p class=\"meta\">First ").append(p.shownBytes()).append(" of ").append(count(p.totalBytes()))
                        .append(" bytes; ").append(p.maskedDigits()).append(" digits in runs of eleven or more masked.</p>")
                        .append("<pre class=\"hex\">").append(esc(p.hex())).append("</pre><pre class=\"hex\">")
                        .append(esc(p.text())).append("</pre>");
            }
        }
        return h.append("</article>").toString();
    }

    String partners(OpsOverview.PartnersView view, Instant now) {
        StringBuilder h = new StringBuilder(polling("partners", FRAGMENTS + "partners", null));
        if (view.error() != null) {
            h.append("<p class=\"flash bad\">").append(esc(view.error())).append("</p>");
        }
        h.append("<table class=\"grid\"><thead><tr><th>Partner</th><th>Sector</th><th>Organisation</th>"
                + "<th>Last sent</th><th>Last received</th><th>Last dead letter</th><th class=\"num\">Open dead letters</th>"
                + "</tr></thead><tbody>");
        String notSent = "none in " + view.lookbackDays() + " days";
        for (OpsOverview.PartnerView p : view.partners()) {
            h.append("<tr><td>").append(esc(p.displayName())).append("<div class=\"sub\"><code>").append(esc(p.id()))
                    .append("</code></div></td><td>").append(esc(p.sector())).append("</td><td>")
                    .append(esc(p.organisation())).append("</td><td>")
                    .append(OpsHtml.time(p.lastSentAt(), now, zone, notSent)).append("</td><td>")
                    .append(OpsHtml.time(p.lastReceivedAt(), now, zone, "never")).append("</td><td>")
                    .append(OpsHtml.time(p.lastDeadLetterAt(), now, zone, "none")).append("</td><td class=\"num")
                    .append(p.openDeadLetters() > 0 ? " bad" : "").append("\">").append(count(p.openDeadLetters()))
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    String registry(RegistryOverview.View view, Instant now) {
        StringBuilder h = new StringBuilder(polling("registry", FRAGMENTS + "registry", null));
        h.append("<p class=\"meta\">Read ").append(OpsHtml.time(view.readAt(), now, zone, "not yet")).append(".</p>");
        if (view.error() != null) {
            h.append("<p class=\"flash bad\">").append(esc(view.error())).append("</p>");
        }
        h.append("<table class=\"grid\"><thead><tr><th>Subject</th><th>Versions</th><th class=\"num\">Latest</th>"
                + "<th class=\"num\">Schema id</th><th>Compatibility</th></tr></thead><tbody>");
        if (view.subjects().isEmpty() && view.error() == null) {
            h.append("<tr><td colspan=\"5\" class=\"muted\">No subjects registered.</td></tr>");
        }
        for (RegistryOverview.Subject s : view.subjects()) {
            h.append("<tr><td><code>").append(esc(s.subject())).append("</code></td><td>")
                    .append(esc(s.versions().stream().map(String::valueOf).collect(Collectors.joining(", "))))
                    .append("</td><td class=\"num\">").append(s.latestVersion()).append("</td><td class=\"num\">")
                    .append(s.latestId()).append("</td><td>").append(esc(s.compatibility())).append("</td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    String health(HealthOverview.View view, Instant now) {
        StringBuilder h = new StringBuilder(polling("health", FRAGMENTS + "health", null));
        h.append("<p><span class=\"badge big ").append(healthClass(view.status())).append("\">")
                .append(esc(view.status())).append("</span> <span class=\"meta\">read ")
                .append(OpsHtml.time(view.readAt(), now, zone, "")).append("</span></p><ul class=\"health\">");
        for (HealthOverview.Component c : view.components()) {
            h.append("<li data-component=\"").append(esc(c.name())).append("\"><span class=\"badge ")
                    .append(healthClass(c.status())).append("\">").append(esc(c.status())).append("</span> <strong>")
                    .append(esc(c.name())).append("</strong>");
            String details = c.details().entrySet().stream()
                    .filter(e -> e.getValue() instanceof Number || e.getValue() instanceof String
                            || e.getValue() instanceof Boolean)
                    .map(e -> esc(e.getKey()) + ": " + esc(e.getValue()))
                    .collect(Collectors.joining(" · "));
            if (!details.isEmpty()) {
                h.append(" <span class=\"sub\">").append(details).append("</span>");
            }
            h.append("</li>");
        }
        return h.append("</ul></div>").toString();
    }

    String webhooks(Optional<ParkedWebhooks.View> view, Instant now) {
        StringBuilder h = new StringBuilder(polling("webhooks", FRAGMENTS + "webhooks", WEBHOOKS_CHANGED + " from:body"));
        if (view.isEmpty()) {
            return h.append("<p class=\"muted\">Webhooks are switched off on this hub (hub.webhooks.enabled).</p></div>")
                    .toString();
        }
        Map<WebhookDeliveryStore.State, Long> counts = view.get().counts();
        long parked = counts.getOrDefault(WebhookDeliveryStore.State.PARKED, 0L);
        h.append("<p class=\"totals\"><span class=\"badge\">")
                .append(count(counts.getOrDefault(WebhookDeliveryStore.State.PENDING, 0L))).append(" pending</span> ")
                .append("<span class=\"badge up\">")
                .append(count(counts.getOrDefault(WebhookDeliveryStore.State.DELIVERED, 0L))).append(" delivered</span> ")
                .append("<span class=\"badge ").append(parked > 0 ? "bad" : "").append("\">").append(count(parked))
                .append(" parked</span></p>");
        h.append("<table class=\"grid\"><thead><tr><th>Parked</th><th>Partner</th><th>Message</th>"
                + "<th class=\"num\">Attempts</th><th>Last error</th><th></th></tr></thead><tbody>");
        if (view.get().parked().isEmpty()) {
            h.append("<tr><td colspan=\"6\" class=\"muted\">No parked webhook deliveries.</td></tr>");
        }
        for (WebhookDeliveryStore.ParkedDelivery p : view.get().parked()) {
            h.append("<tr data-webhook-delivery=\"").append(p.id()).append("\"><td>")
                    .append(OpsHtml.time(p.parkedAt(), now, zone, "–")).append("</td><td>").append(esc(p.partnerId()))
                    .append("</td><td><code>").append(esc(p.messageId())).append("</code></td><td class=\"num\">")
                    .append(p.attempts()).append("</td><td>")
                    .append(p.lastStatus() == null ? "" : "HTTP " + p.lastStatus() + " ").append(esc(p.lastError()))
                    .append("</td><td><button type=\"button\" class=\"small\" hx-post=\"/ops/actions/webhooks/")
                    .append(p.id()).append("/replay\" hx-target=\"#ops-flash\" hx-swap=\"innerHTML\"")
                    .append(" hx-disabled-elt=\"this\">Replay</button></td></tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }

    static String flash(boolean ok, String message) {
        return "<p class=\"flash " + (ok ? "good" : "bad") + "\">" + esc(message) + "</p>";
    }

    private static String url(String path, Map<String, String> query, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank() && !k.equals("page")) {
                b.queryParam(k, v);
            }
        });
        b.queryParam("page", page);
        return b.encode().build().toUriString();
    }

    private static String statusClass(DeadLetterStatus status) {
        return switch (status) {
            case OPEN -> "bad";
            case REPLAYED -> "up";
            case DISCARDED -> "muted";
        };
    }

    private static String healthClass(String status) {
        return switch (status) {
            case "UP" -> "up";
            case "DOWN", "OUT_OF_SERVICE" -> "bad";
            default -> "warn";
        };
    }

    private static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}

package no.ipshub.operations.dashboard;

import static no.ipshub.operations.dashboard.OpsHtml.count;
import static no.ipshub.operations.dashboard.OpsHtml.esc;
import static no.ipshub.operations.dashboard.OpsHtml.millis;
import static no.ipshub.operations.dashboard.OpsHtml.rate;
import static no.ipshub.operations.dashboard.OpsTemplate.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.ipshub.connectors.webhook.WebhookDeliveryStore;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.operations.dashboard.OpsTemplate.Parts;
import no.ipshub.operations.deadletter.BytePreview;
import no.ipshub.operations.deadletter.DeadLetterCounts;
import no.ipshub.operations.deadletter.DeadLetterDetail;
import no.ipshub.operations.deadletter.DeadLetterStatus;
import no.ipshub.operations.deadletter.DeadLetterSummary;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's sections as HTML fragments, rendered from the templates under {@code ops/fragments/}. Each
 * polling section is a {@code div} that carries its own htmx polling attributes, so a refresh replaces it whole
 * ({@code outerHTML}) and keeps its filter and page. Buttons inside a section name their own {@code hx-swap},
 * since htmx would otherwise inherit the section's.
 */
final class OpsFragments {

    static final String FRAGMENTS = "/ops/fragments/";
    static final String DEAD_LETTERS_CHANGED = "ops-deadletters-changed";
    /** The event an answer to a partner action sends so that the partners section refreshes at once. */
    static final String PARTNERS_CHANGED = "ops-partners-changed";
    static final String WEBHOOKS_CHANGED = "ops-webhooks-changed";

    private static final Parts COMMON = parts("common");
    private static final Parts ROUTES = parts("routes");
    private static final Parts LAG = parts("lag");
    private static final Parts DEAD_LETTER_COUNTS = parts("deadletter-counts");
    private static final Parts DEAD_LETTERS = parts("deadletters");
    private static final Parts DEAD_LETTER_DETAIL = parts("deadletter-detail");
    private static final Parts PARTNERS = parts("partners");
    private static final Parts REGISTRY = parts("registry");
    private static final Parts HEALTH = parts("health");
    private static final Parts WEBHOOKS = parts("webhooks");
    private static final Parts LOOPS = parts("loops");

    private final ZoneId zone;
    private final long refreshSeconds;

    OpsFragments(ZoneId zone, long refreshSeconds) {
        this.zone = zone;
        this.refreshSeconds = refreshSeconds;
    }

    private static Parts parts(String name) {
        return OpsTemplate.parts("ops/fragments/" + name + ".html");
    }

    /** A section's htmx trigger: the page's refresh interval, and an event that refreshes it at once if any. */
    private String trigger(String event) {
        return "every " + refreshSeconds + "s" + (event == null ? "" : ", " + event + " from:body");
    }

    /** The rows, or the section's empty row when there are none. */
    private static <T> String rows(List<T> items, Parts parts, Function<T, String> row) {
        if (items.isEmpty()) {
            return parts.get("empty").render(Map.of());
        }
        return items.stream().map(row).collect(Collectors.joining());
    }

    String routes(List<OpsOverview.RouteView> routes) {
        return ROUTES.get("section").render(slots()
                .text("trigger", trigger(null))
                .html("rows", rows(routes, ROUTES, this::route)));
    }

    private String route(OpsOverview.RouteView r) {
        boolean started = "Started".equals(r.state());
        return ROUTES.get("row").render(slots()
                .text("id", r.id())
                .html("group", r.consumerGroup() == null ? ""
                        : ROUTES.get("group").render(slots().text("group", r.consumerGroup())))
                .text("stateClass", started ? "up" : "warn")
                .text("state", r.state())
                .text("exchanges", count(r.exchangesTotal()))
                .text("failedClass", r.exchangesFailed() > 0 ? " bad" : "")
                .text("failed", count(r.exchangesFailed()))
                .text("inflight", count(r.exchangesInflight()))
                .text("meanMillis", millis(r.meanProcessingMillis()))
                .text("maxMillis", count(r.maxProcessingMillis()))
                .text("exchangeRate", rate(r.exchangesPerSecond()))
                .text("recordRate", rate(r.recordsPerSecond()))
                .html("lag", lagCell(r.lag(), r.lagAlert()))
                .text("action", started ? "suspend" : "resume")
                .text("actionLabel", started ? "Suspend" : "Resume"));
    }

    String lag(LagSnapshot lag, Instant now) {
        return LAG.get("section").render(slots()
                .text("trigger", trigger(null))
                .html("sampledAt", OpsHtml.time(lag.sampledAt(), now, zone, "not yet"))
                .text("records", count(lag.thresholds().records()))
                .text("oldestAge", OpsHtml.duration(lag.thresholds().oldestAgeSeconds()))
                .html("error", lag.error() == null ? "" : flash(false, lag.error()))
                .html("alerts", lag.alerts().isEmpty() ? "" : LAG.get("alerts").render(slots()
                        .html("items", lag.alerts().stream().map(this::alert).collect(Collectors.joining()))))
                .html("partners", lag.partners().stream().map(p -> partnerLag(p, lag.thresholds()))
                        .collect(Collectors.joining()))
                .html("routes", lag.routes().stream().map(this::routeLag).collect(Collectors.joining())));
    }

    private String alert(LagSnapshot.Alert a) {
        StringBuilder what = new StringBuilder(records(a.lag()) + " behind");
        if (a.oldestAgeSeconds() != null) {
            what.append(", the oldest written ").append(OpsHtml.duration(a.oldestAgeSeconds())).append(" ago");
        }
        if (a.expired() > 0) {
            what.append("; ").append(records(a.expired())).append(" deleted by retention before being read");
        }
        return LAG.get("alert").render(slots()
                .text("route", a.routeId())
                .text("group", a.consumerGroup())
                .text("topic", a.topic())
                .text("what", what.toString()));
    }

    private static String records(long n) {
        return count(n) + (n == 1 ? " record" : " records");
    }

    private String partnerLag(LagSnapshot.PartnerLag p, LagSnapshot.Thresholds thresholds) {
        return LAG.get("partner").render(slots()
                .text("partner", p.partner())
                .html("ingressLag", lagCell(p.ingressLag(), p.ingressAlert()))
                .html("ingressAge", ageCell(p.ingressLag(), p.ingressOldestAgeSeconds(), p.ingressAlert()))
                .text("inboxRecords", p.inboxRecords() == null ? "–" : count(p.inboxRecords()))
                .text("inboxRetained", p.inboxRetained() == null ? "–" : count(p.inboxRetained()))
                .html("group", p.inboxGroup() == null ? muted("none (reads over HTTP or not yet)")
                        : code(p.inboxGroup()))
                .html("inboxLag", lagCell(p.inboxLag(), p.inboxLag() != null && p.inboxLag() >= thresholds.records())));
    }

    private String routeLag(LagSnapshot.RouteLag r) {
        String topics = r.topics().stream()
                .map(t -> LAG.get("topic").render(slots()
                        .text("alert", t.alerting() ? " alert" : "")
                        .text("topic", t.topic())
                        .text("lag", count(t.lag()))))
                .collect(Collectors.joining(" "));
        return LAG.get("route").render(slots()
                .text("route", r.routeId())
                .text("group", r.consumerGroup())
                .html("lag", lagCell(r.lag(), r.alert()))
                .html("age", ageCell(r.lag(), r.oldestAgeSeconds(), r.alert()))
                .html("topics", topics));
    }

    /** A lag figure, marked when it is an alert and when nothing is behind. */
    private String lagCell(Long lag, boolean alert) {
        if (lag == null) {
            return COMMON.get("lag-unknown").render(Map.of());
        }
        return COMMON.get("lag").render(slots()
                .text("warning", alert ? " bad" : lag == 0 ? " good" : "")
                .text("lag", count(lag)));
    }

    /** How long ago the oldest unread record was written; a dash when nothing is behind or it is not known. */
    private String ageCell(Long lag, Long ageSeconds, boolean alert) {
        if (lag == null || lag == 0 || ageSeconds == null) {
            return COMMON.get("lag-unknown").render(Map.of());
        }
        return COMMON.get("lag").render(slots()
                .text("warning", alert ? " bad" : "")
                .text("lag", OpsHtml.duration(ageSeconds)));
    }

    String deadLetterCounts(DeadLetterCounts counts) {
        return DEAD_LETTER_COUNTS.get("section").render(slots()
                .text("trigger", trigger(DEAD_LETTERS_CHANGED))
                .text("openClass", counts.open() > 0 ? "bad" : "up")
                .text("open", count(counts.open()))
                .text("replayed", count(counts.replayed()))
                .text("discarded", count(counts.discarded()))
                .html("rows", rows(counts.byReason(), DEAD_LETTER_COUNTS, line -> DEAD_LETTER_COUNTS.get("row")
                        .render(slots()
                                .text("reason", line.reasonCode())
                                .text("openClass", line.open() > 0 ? " bad" : "")
                                .text("open", count(line.open()))
                                .text("replayed", count(line.replayed()))
                                .text("discarded", count(line.discarded()))
                                .text("total", count(line.total()))))));
    }

    /**
     * The dead-letter table.
     *
     * @param query the filter and page as request parameters, kept in the polling and paging URLs
     */
    String deadLetters(List<DeadLetterSummary> items, int page, int size, long total, Map<String, String> query,
            Instant now) {
        long pages = Math.max(1, (total + size - 1) / size);
        return DEAD_LETTERS.get("section").render(slots()
                .text("self", url(FRAGMENTS + "deadletters", query, page))
                .text("trigger", trigger(DEAD_LETTERS_CHANGED))
                .html("rows", rows(items, DEAD_LETTERS, d -> deadLetter(d, now)))
                .text("total", count(total))
                .text("page", page + 1)
                .text("pages", pages)
                // a space before each button, as between words
                .html("newer", page > 0 ? " " + pageButton(query, page - 1, "Newer") : "")
                .html("older", page + 1 < pages ? " " + pageButton(query, page + 1, "Older") : ""));
    }

    /** The dead-letter section when the filter itself was refused. */
    static String deadLettersRefused(String message) {
        return DEAD_LETTERS.get("refused").render(slots().html("flash", flash(false, message)));
    }

    private String deadLetter(DeadLetterSummary d, Instant now) {
        String replay = "";
        if (d.status() != DeadLetterStatus.DISCARDED) {
            replay = d.replayable()
                    ? DEAD_LETTERS.get("replay").render(slots().text("id", d.id()).text("topic", d.replayTopic()))
                    : DEAD_LETTERS.get("replay-disabled").render(slots().text("id", d.id())
                            .text("because", d.notReplayableBecause()));
        }
        return DEAD_LETTERS.get("row").render(slots()
                .text("id", d.id())
                .html("lastFailure", OpsHtml.time(d.lastFailureAt(), now, zone, "–"))
                .html("partner", d.partner() == null ? muted("unknown") : esc(d.partner()))
                .text("reasonCode", d.reasonCode())
                .text("reason", abbreviate(d.reason(), 140))
                .html("message", d.messageId() == null ? muted("not decodable") : code(d.messageId()))
                .text("sourceTopic", d.sourceTopic())
                .text("partition", d.sourcePartition())
                .text("offset", d.sourceOffset())
                .text("attempts", d.attempts())
                .text("statusClass", statusClass(d.status()))
                .text("status", d.status())
                .html("decided", d.decidedBy() == null ? "" : DEAD_LETTERS.get("decided").render(slots()
                        .text("by", d.decidedBy())
                        .html("at", OpsHtml.time(d.decidedAt(), now, zone, ""))))
                .html("replay", replay)
                .html("discard", d.status() != DeadLetterStatus.OPEN ? ""
                        : DEAD_LETTERS.get("discard").render(slots().text("id", d.id()))));
    }

    private static String pageButton(Map<String, String> query, int page, String label) {
        return DEAD_LETTERS.get("page-button").render(slots()
                .text("url", url(FRAGMENTS + "deadletters", query, page))
                .text("label", label));
    }

    String deadLetterDetail(DeadLetterDetail detail, Instant now) {
        DeadLetterSummary d = detail.deadLetter();
        String status = d.decidedBy() == null ? esc(d.status()) : DEAD_LETTER_DETAIL.get("decided").render(slots()
                .text("status", d.status())
                .text("by", d.decidedBy())
                .text("at", OpsHtml.localTime(d.decidedAt(), zone)));
        return DEAD_LETTER_DETAIL.get("detail").render(slots()
                .text("id", d.id())
                .html("status", status)
                .html("discardReason", d.discardReason() == null ? ""
                        : DEAD_LETTER_DETAIL.get("discard-reason").render(slots().text("reason", d.discardReason())))
                .text("reasonCode", d.reasonCode())
                .text("reason", d.reason())
                .text("partner", d.partner() == null ? "unknown" : d.partner())
                .html("messageId", d.messageId() == null ? "not decodable" : code(d.messageId()))
                .text("route", d.routeId())
                .text("sourceTopic", d.sourceTopic())
                .text("partition", d.sourcePartition())
                .text("offset", d.sourceOffset())
                .text("attempts", d.attempts())
                .text("firstFailure", OpsHtml.localTime(d.firstFailureAt(), zone))
                .text("lastFailure", OpsHtml.localTime(d.lastFailureAt(), zone))
                .text("replays", d.replayCount())
                .html("replay", d.replayable()
                        ? DEAD_LETTER_DETAIL.get("replay-to").render(slots().text("topic", d.replayTopic()))
                        : DEAD_LETTER_DETAIL.get("not-replayable").render(slots()
                                .text("because", d.notReplayableBecause())))
                .html("key", detail.originalKey() == null ? "none" : code(detail.originalKey()))
                .text("size", count(d.originalSize()))
                .html("content", content(detail)));
    }

    /** The masked message, or why it could not be decoded and a preview of its bytes. */
    private static String content(DeadLetterDetail detail) {
        if (detail.message() != null) {
            return DEAD_LETTER_DETAIL.get("message").render(slots().text("json", detail.message().toPrettyString()));
        }
        BytePreview p = detail.preview();
        return DEAD_LETTER_DETAIL.get("undecodable").render(slots()
                .text("error", detail.decodeError())
                .html("preview", p == null ? "" : DEAD_LETTER_DETAIL.get("preview").render(slots()
                        .text("shown", p.shownBytes())
                        .text("total", count(p.totalBytes()))
                        .text("masked", p.maskedDigits())
                        .text("hex", p.hex())
                        .text("text", p.text()))));
    }

    String partners(OpsOverview.PartnersView view, Instant now) {
        String notSent = "none in " + view.lookbackDays() + " days";
        return PARTNERS.get("section").render(slots()
                .text("trigger", trigger(PARTNERS_CHANGED))
                .html("error", view.error() == null ? "" : flash(false, view.error()))
                .html("rows", view.partners().stream().map(p -> PARTNERS.get("row").render(slots()
                        .text("name", p.displayName())
                        .text("id", p.id())
                        .text("sector", p.sector())
                        .text("organisation", p.organisation())
                        .html("tokenOrganisation", p.tokenOrganisation() == null ? ""
                                : PARTNERS.get("token-organisation").render(slots().text("number", p.tokenOrganisation())))
                        .text("status", p.status())
                        .text("statusClass", "ACTIVE".equals(p.status()) ? "up" : "warn")
                        .html("keysOff", p.apiKeysEnabled() ? "" : PARTNERS.get("keys-off").render(slots()))
                        .html("statusAction", PARTNERS.get("ACTIVE".equals(p.status()) ? "suspend" : "reinstate")
                                .render(slots().text("id", p.id())))
                        .html("lastSent", OpsHtml.time(p.lastSentAt(), now, zone, notSent))
                        .html("lastReceived", OpsHtml.time(p.lastReceivedAt(), now, zone, "never"))
                        .html("lastDeadLetter", OpsHtml.time(p.lastDeadLetterAt(), now, zone, "none"))
                        .text("openClass", p.openDeadLetters() > 0 ? " bad" : "")
                        .text("open", count(p.openDeadLetters()))))
                        .collect(Collectors.joining())));
    }

    /** The answer to adding a partner: its API key, shown this once, and what its tokens must name. */
    static String partnerAdded(String id, String apiKey, String tokenOrganisation, String contract) {
        String tokens = tokenOrganisation == null
                ? "It cannot use access tokens until it has a token organisation number."
                : "Its access tokens must name organisation number " + tokenOrganisation + ".";
        return PARTNERS.get("added").render(slots().text("id", id).text("apiKey", apiKey).text("tokens", tokens)
                .text("contract", contract));
    }

    String registry(RegistryOverview.View view, Instant now) {
        // no "none registered" row when the list could not be read: the error says so
        String rows = view.subjects().isEmpty() && view.error() != null ? ""
                : rows(view.subjects(), REGISTRY, s -> REGISTRY.get("row").render(slots()
                        .text("subject", s.subject())
                        .text("versions", s.versions().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .text("latest", s.latestVersion())
                        .text("id", s.latestId())
                        .text("compatibility", s.compatibility())));
        return REGISTRY.get("section").render(slots()
                .text("trigger", trigger(null))
                .html("readAt", OpsHtml.time(view.readAt(), now, zone, "not yet"))
                .html("error", view.error() == null ? "" : flash(false, view.error()))
                .html("rows", rows));
    }

    String health(HealthOverview.View view, Instant now) {
        return HEALTH.get("section").render(slots()
                .text("trigger", trigger(null))
                .text("statusClass", healthClass(view.status()))
                .text("status", view.status())
                .html("readAt", OpsHtml.time(view.readAt(), now, zone, ""))
                .html("components", view.components().stream().map(this::healthComponent)
                        .collect(Collectors.joining())));
    }

    private String healthComponent(HealthOverview.Component c) {
        String details = c.details().entrySet().stream()
                .filter(e -> e.getValue() instanceof Number || e.getValue() instanceof String
                        || e.getValue() instanceof Boolean)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
        return HEALTH.get("component").render(slots()
                .text("name", c.name())
                .text("statusClass", healthClass(c.status()))
                .text("status", c.status())
                // a space between the name and its details, as between words
                .html("details", details.isEmpty() ? ""
                        : " " + HEALTH.get("details").render(slots().text("details", details))));
    }

    /**
     * The loops table.
     *
     * @param degradedAfter how long a loop may keep failing before it is degraded, as the page says it
     */
    String loops(List<LoopStatus> loops, Duration degradedAfter, Instant now) {
        return LOOPS.get("section").render(slots()
                .text("trigger", trigger(null))
                .text("degradedAfter", degradedAfter.toSeconds() + " s")
                .html("rows", rows(loops, LOOPS, l -> loop(l, now))));
    }

    private String loop(LoopStatus l, Instant now) {
        boolean restarting = l.state() == LoopState.RESTARTING;
        String stateClass = switch (l.state()) {
            case RUNNING -> "up";
            case DOWN -> "bad";
            case RESTARTING -> l.degraded() ? "bad" : "warn";
            case STOPPED -> "muted";
        };
        return LOOPS.get("row").render(slots()
                .text("name", l.name())
                .text("kind", l.kind().name().toLowerCase(Locale.ROOT))
                .text("state", l.state().name())
                .text("stateClass", stateClass)
                .text("stateLabel", l.degraded() ? "RESTARTING · DEGRADED" : l.state().name())
                .html("reason", l.reason() == null ? ""
                        : LOOPS.get("reason").render(slots().text("reason", l.reason())))
                .html("since", OpsHtml.time(l.since(), now, zone, "–"))
                .text("failuresClass", restarting || l.state() == LoopState.DOWN ? " bad" : "")
                .html("failures", esc(count(l.failures())) + (restarting
                        ? LOOPS.get("attempts").render(slots().text("attempts", l.attempts())) : ""))
                .html("lastFailure", l.lastFailure() == null ? muted("none")
                        : LOOPS.get("failure").render(slots()
                                .html("at", OpsHtml.time(l.lastFailureAt(), now, zone, ""))
                                .text("failure", l.lastFailure())))
                .text("nextTry", l.nextTry() == null ? ""
                        : "in " + Math.max(0, Duration.between(now, l.nextTry()).toSeconds()) + " s"));
    }

    String webhooks(Optional<ParkedWebhooks.View> view, Instant now) {
        String content = view.map(v -> webhookDeliveries(v, now)).orElseGet(() -> WEBHOOKS.get("off").render(Map.of()));
        return WEBHOOKS.get("section").render(slots()
                .text("trigger", trigger(WEBHOOKS_CHANGED))
                .html("content", content));
    }

    private String webhookDeliveries(ParkedWebhooks.View view, Instant now) {
        Map<WebhookDeliveryStore.State, Long> counts = view.counts();
        long parked = counts.getOrDefault(WebhookDeliveryStore.State.PARKED, 0L);
        return WEBHOOKS.get("deliveries").render(slots()
                .text("pending", count(counts.getOrDefault(WebhookDeliveryStore.State.PENDING, 0L)))
                .text("delivered", count(counts.getOrDefault(WebhookDeliveryStore.State.DELIVERED, 0L)))
                .text("parkedClass", parked > 0 ? "bad" : "")
                .text("parked", count(parked))
                .html("rows", rows(view.parked(), WEBHOOKS, p -> WEBHOOKS.get("row").render(slots()
                        .text("id", p.id())
                        .html("parkedAt", OpsHtml.time(p.parkedAt(), now, zone, "–"))
                        .text("partner", p.partnerId())
                        .text("message", p.messageId())
                        .text("attempts", p.attempts())
                        .text("error", (p.lastStatus() == null ? "" : "HTTP " + p.lastStatus() + " ")
                                + (p.lastError() == null ? "" : p.lastError()))))));
    }

    /** A message for the flash area: good news or bad. */
    static String flash(boolean ok, String message) {
        return COMMON.get("flash").render(slots().text("kind", ok ? "good" : "bad").text("message", message));
    }

    /** The options of a filter's select; the empty value is shown as {@code emptyLabel}. */
    static String options(List<String> values, String selected, String emptyLabel) {
        return values.stream().map(v -> COMMON.get("option").render(slots()
                .text("value", v)
                .html("selected", v.equals(selected) ? " selected" : "")
                .text("label", v.isEmpty() ? emptyLabel : v)))
                .collect(Collectors.joining());
    }

    private static String code(String text) {
        return COMMON.get("code").render(slots().text("text", text));
    }

    private static String muted(String text) {
        return COMMON.get("muted").render(slots().text("text", text));
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

package no.ipshub.operations.dashboard;

import static no.ipshub.operations.dashboard.OpsHtml.count;
import static no.ipshub.operations.dashboard.OpsHtml.millis;
import static no.ipshub.operations.dashboard.OpsHtml.rate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.ipshub.connectors.webhook.WebhookDeliveryStore;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.operations.deadletter.BytePreview;
import no.ipshub.operations.deadletter.DeadLetterCounts;
import no.ipshub.operations.deadletter.DeadLetterDetail;
import no.ipshub.operations.deadletter.DeadLetterEntry;
import no.ipshub.operations.deadletter.DeadLetterStatus;
import no.ipshub.operations.deadletter.DeadLetterSummary;
import no.ipshub.web.page.Model;
import no.ipshub.web.page.PageTemplates;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's sections, drawn from the Mustache templates under {@code templates/ops/}. Each section has a
 * model method (what the page puts into its partial) and a method that draws it alone, as htmx polls it. Every
 * section template fills the blocks of the same two parents: {@code ops/parts/section}, a {@code div} that carries
 * its own htmx polling attributes, so a refresh replaces it whole ({@code outerHTML}) and keeps its filter and page,
 * and {@code ops/parts/table}, the table around its header cells and rows. Buttons inside a section name their
 * own {@code hx-swap}, since htmx would otherwise inherit the section's.
 */
final class OpsFragments {

    static final String FRAGMENTS = "/ops/fragments/";
    static final String DEAD_LETTERS_CHANGED = "ops-deadletters-changed";
    /** The event an answer to a partner action sends so that the partners section refreshes at once. */
    static final String PARTNERS_CHANGED = "ops-partners-changed";
    static final String WEBHOOKS_CHANGED = "ops-webhooks-changed";

    private final ZoneId zone;
    private final long refreshSeconds;

    OpsFragments(ZoneId zone, long refreshSeconds) {
        this.zone = zone;
        this.refreshSeconds = refreshSeconds;
    }

    /** A section drawn alone from {@code templates/ops/<name>.mustache}. */
    static String draw(String name, Model model) {
        return PageTemplates.render("ops/" + name, model);
    }

    /** A section's htmx polling: its id, the URL it reloads from, and the page's refresh interval and event. */
    private Model poll(String id, String url, String event) {
        return Model.of("id", id).with("url", url)
                .with("trigger", "every " + refreshSeconds + "s" + (event == null ? "" : ", " + event + " from:body"));
    }

    /** The row a table shows when it has none, across all its {@code columns}. */
    private static Model table(Model section, int columns, String empty) {
        return section.with("columns", columns).with("empty", empty);
    }

    String routes(List<OpsOverview.RouteView> routes) {
        return draw("routes", routesModel(routes));
    }

    Model routesModel(List<OpsOverview.RouteView> routes) {
        return table(Model.of("poll", poll("routes", FRAGMENTS + "routes", null))
                .with("rows", routes.stream().map(this::route).toList()), 11, "No routes are running.");
    }

    private Model route(OpsOverview.RouteView r) {
        boolean started = "Started".equals(r.state());
        return Model.of("id", r.id())
                .with("group", r.consumerGroup())
                .with("stateClass", started ? "up" : "warn")
                .with("state", r.state())
                .with("exchanges", count(r.exchangesTotal()))
                .with("failedClass", r.exchangesFailed() > 0 ? " bad" : "")
                .with("failed", count(r.exchangesFailed()))
                .with("inflight", count(r.exchangesInflight()))
                .with("meanMillis", millis(r.meanProcessingMillis()))
                .with("maxMillis", count(r.maxProcessingMillis()))
                .with("exchangeRate", rate(r.exchangesPerSecond()))
                .with("recordRate", rate(r.recordsPerSecond()))
                .with("lag", lagCell(r.lag(), r.lagAlert()))
                .with("action", started ? "suspend" : "resume")
                .with("actionLabel", started ? "Suspend" : "Resume");
    }

    String lag(LagSnapshot lag, Instant now) {
        return draw("lag", lagModel(lag, now));
    }

    Model lagModel(LagSnapshot lag, Instant now) {
        return Model.of("poll", poll("lag", FRAGMENTS + "lag", null))
                .with("sampledAt", OpsHtml.time(lag.sampledAt(), now, zone, "not yet"))
                .with("records", count(lag.thresholds().records()))
                .with("oldestAge", OpsHtml.duration(lag.thresholds().oldestAgeSeconds()))
                .with("error", lag.error() == null ? null : flashModel(false, lag.error()))
                .with("alerts", lag.alerts().isEmpty() ? null
                        : Model.of("items", lag.alerts().stream().map(this::alert).toList()))
                .with("partners", lag.partners().stream().map(p -> partnerLag(p, lag.thresholds())).toList())
                .with("routes", lag.routes().stream().map(this::routeLag).toList());
    }

    private Model alert(LagSnapshot.Alert a) {
        StringBuilder what = new StringBuilder(records(a.lag()) + " behind");
        if (a.oldestAgeSeconds() != null) {
            what.append(", the oldest written ").append(OpsHtml.duration(a.oldestAgeSeconds())).append(" ago");
        }
        if (a.expired() > 0) {
            what.append("; ").append(records(a.expired())).append(" deleted by retention before being read");
        }
        return Model.of("route", a.routeId())
                .with("group", a.consumerGroup())
                .with("topic", a.topic())
                .with("what", what.toString());
    }

    private static String records(long n) {
        return count(n) + (n == 1 ? " record" : " records");
    }

    private Model partnerLag(LagSnapshot.PartnerLag p, LagSnapshot.Thresholds thresholds) {
        return Model.of("partner", p.partner())
                .with("ingressLag", lagCell(p.ingressLag(), p.ingressAlert()))
                .with("ingressAge", ageCell(p.ingressLag(), p.ingressOldestAgeSeconds(), p.ingressAlert()))
                .with("inboxRecords", p.inboxRecords() == null ? "–" : count(p.inboxRecords()))
                .with("inboxRetained", p.inboxRetained() == null ? "–" : count(p.inboxRetained()))
                .with("group", p.inboxGroup())
                .with("inboxLag", lagCell(p.inboxLag(), p.inboxLag() != null && p.inboxLag() >= thresholds.records()));
    }

    private Model routeLag(LagSnapshot.RouteLag r) {
        return Model.of("route", r.routeId())
                .with("group", r.consumerGroup())
                .with("lag", lagCell(r.lag(), r.alert()))
                .with("age", ageCell(r.lag(), r.oldestAgeSeconds(), r.alert()))
                .with("topics", r.topics().stream().map(t -> Model.of("alert", t.alerting() ? " alert" : "")
                        .with("topic", t.topic())
                        .with("lag", count(t.lag()))).toList());
    }

    /** A lag figure ({@code ops/parts/number}), marked when it is an alert and when nothing is behind. */
    private static Model lagCell(Long lag, boolean alert) {
        if (lag == null) {
            return Model.of("known", false);
        }
        return Model.of("known", true).with("mark", alert ? " bad" : lag == 0 ? " good" : "").with("value", count(lag));
    }

    /** How long ago the oldest unread record was written; a dash when nothing is behind or it is not known. */
    private static Model ageCell(Long lag, Long ageSeconds, boolean alert) {
        if (lag == null || lag == 0 || ageSeconds == null) {
            return Model.of("known", false);
        }
        return Model.of("known", true).with("mark", alert ? " bad" : "").with("value", OpsHtml.duration(ageSeconds));
    }

    String deadLetterCounts(DeadLetterCounts counts) {
        return draw("deadletter-counts", deadLetterCountsModel(counts));
    }

    Model deadLetterCountsModel(DeadLetterCounts counts) {
        return table(Model.of("poll", poll("dl-counts", FRAGMENTS + "deadletter-counts", DEAD_LETTERS_CHANGED))
                .with("openClass", counts.open() > 0 ? "bad" : "up")
                .with("open", count(counts.open()))
                .with("replayed", count(counts.replayed()))
                .with("discarded", count(counts.discarded()))
                .with("rows", counts.byReason().stream().map(line -> Model.of("reason", line.reasonCode())
                        .with("openClass", line.open() > 0 ? " bad" : "")
                        .with("open", count(line.open()))
                        .with("replayed", count(line.replayed()))
                        .with("discarded", count(line.discarded()))
                        .with("total", count(line.total()))).toList()), 5, "No dead letters.");
    }

    /**
     * The dead-letter table.
     *
     * @param query the filter and page as request parameters, kept in the polling and paging URLs
     */
    String deadLetters(List<DeadLetterSummary> items, int page, int size, long total, Map<String, String> query,
            Instant now) {
        return draw("deadletters", deadLettersModel(items, page, size, total, query, now));
    }

    Model deadLettersModel(List<DeadLetterSummary> items, int page, int size, long total, Map<String, String> query,
            Instant now) {
        long pages = Math.max(1, (total + size - 1) / size);
        List<Model> pager = new java.util.ArrayList<>();
        if (page > 0) {
            pager.add(Model.of("url", url(FRAGMENTS + "deadletters", query, page - 1)).with("label", "Newer"));
        }
        if (page + 1 < pages) {
            pager.add(Model.of("url", url(FRAGMENTS + "deadletters", query, page + 1)).with("label", "Older"));
        }
        return table(Model.of("refused", null)
                .with("poll", poll("deadletters", url(FRAGMENTS + "deadletters", query, page), DEAD_LETTERS_CHANGED))
                .with("rows", items.stream().map(d -> deadLetter(d, now)).toList())
                .with("total", count(total))
                .with("page", page + 1)
                .with("pages", pages)
                .with("pager", pager), 8, "No dead letters match.");
    }

    /** The dead-letter section when the filter itself was refused. */
    static Model deadLettersRefused(String message) {
        return Model.of("refused", flashModel(false, message));
    }

    private Model deadLetter(DeadLetterSummary d, Instant now) {
        DeadLetterEntry e = d.entry();
        return Model.of("id", e.id())
                .with("lastFailure", OpsHtml.time(e.lastFailureAt(), now, zone, "–"))
                .with("partner", e.partner())
                .with("reasonCode", e.reasonCode())
                .with("reason", abbreviate(e.reason(), 140))
                .with("message", e.messageId())
                .with("sourceTopic", e.sourceTopic())
                .with("partition", e.sourcePartition())
                .with("offset", e.sourceOffset())
                .with("attempts", e.attempts())
                .with("statusClass", statusClass(e.status()))
                .with("status", e.status())
                .with("decided", e.decidedBy() == null ? null : Model.of("by", e.decidedBy())
                        .with("at", OpsHtml.time(e.decidedAt(), now, zone, "")))
                .with("replay", e.status() == DeadLetterStatus.DISCARDED ? null
                        : Model.of("replayable", d.replayable()).with("topic", d.replayTopic())
                                .with("because", d.notReplayableBecause()))
                .with("discard", e.status() == DeadLetterStatus.OPEN);
    }

    String deadLetterDetail(DeadLetterDetail detail, Instant now) {
        DeadLetterSummary d = detail.deadLetter();
        DeadLetterEntry e = d.entry();
        BytePreview p = detail.preview();
        return draw("deadletter-detail", Model.of("id", e.id())
                .with("status", e.status())
                .with("decided", e.decidedBy() == null ? null : Model.of("by", e.decidedBy())
                        .with("at", OpsHtml.localTime(e.decidedAt(), zone)))
                .with("discardReason", e.discardReason())
                .with("reasonCode", e.reasonCode())
                .with("reason", e.reason())
                .with("partner", e.partner() == null ? "unknown" : e.partner())
                .with("messageId", e.messageId())
                .with("route", e.routeId())
                .with("sourceTopic", e.sourceTopic())
                .with("partition", e.sourcePartition())
                .with("offset", e.sourceOffset())
                .with("attempts", e.attempts())
                .with("firstFailure", OpsHtml.localTime(e.firstFailureAt(), zone))
                .with("lastFailure", OpsHtml.localTime(e.lastFailureAt(), zone))
                .with("replays", e.replayCount())
                .with("replayable", d.replayable())
                .with("replayTopic", d.replayTopic())
                .with("because", d.notReplayableBecause())
                .with("key", detail.originalKey())
                .with("size", count(e.originalSize()))
                // the masked message, or why it could not be decoded and a preview of its bytes
                .with("json", detail.message() == null ? null : detail.message().toPrettyString())
                .with("error", detail.decodeError())
                .with("preview", p == null ? null : Model.of("shown", p.shownBytes())
                        .with("total", count(p.totalBytes()))
                        .with("masked", p.maskedDigits())
                        .with("hex", p.hex())
                        .with("text", p.text())));
    }

    String partners(OpsOverview.PartnersView view, Instant now) {
        return draw("partners", partnersModel(view, now));
    }

    Model partnersModel(OpsOverview.PartnersView view, Instant now) {
        String notSent = "none in " + view.lookbackDays() + " days";
        return Model.of("poll", poll("partners", FRAGMENTS + "partners", PARTNERS_CHANGED))
                .with("error", view.error() == null ? null : flashModel(false, view.error()))
                .with("rows", view.partners().stream().map(p -> Model.of("name", p.displayName())
                        .with("id", p.id())
                        .with("sector", p.sector())
                        .with("organisation", p.organisation())
                        .with("tokenOrganisation", p.tokenOrganisation())
                        .with("status", p.status())
                        .with("statusClass", "ACTIVE".equals(p.status()) ? "up" : "warn")
                        .with("apiKeysEnabled", p.apiKeysEnabled())
                        .with("active", "ACTIVE".equals(p.status()))
                        .with("lastSent", OpsHtml.time(p.lastSentAt(), now, zone, notSent))
                        .with("lastReceived", OpsHtml.time(p.lastReceivedAt(), now, zone, "never"))
                        .with("lastDeadLetter", OpsHtml.time(p.lastDeadLetterAt(), now, zone, "none"))
                        .with("openClass", p.openDeadLetters() > 0 ? " bad" : "")
                        .with("open", count(p.openDeadLetters()))).toList());
    }

    /** The answer to adding a partner: its API key, shown this once, and what its tokens must name. */
    static String partnerAdded(String id, String apiKey, String tokenOrganisation, String contract) {
        String tokens = tokenOrganisation == null
                ? "It cannot use access tokens until it has a token organisation number."
                : "Its access tokens must name organisation number " + tokenOrganisation + ".";
        return draw("partner-added", Model.of("id", id).with("apiKey", apiKey).with("tokens", tokens)
                .with("contract", contract));
    }

    String registry(RegistryOverview.View view, Instant now) {
        return draw("registry", registryModel(view, now));
    }

    /** No "none registered" row when the list could not be read: the error says so. */
    Model registryModel(RegistryOverview.View view, Instant now) {
        return table(Model.of("poll", poll("registry", FRAGMENTS + "registry", null))
                .with("readAt", OpsHtml.time(view.readAt(), now, zone, "not yet"))
                .with("error", view.error() == null ? null : flashModel(false, view.error()))
                .with("rows", view.subjects().stream().map(s -> Model.of("subject", s.subject())
                        .with("versions", s.versions().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .with("latest", s.latestVersion())
                        .with("id", s.latestId())
                        .with("compatibility", s.compatibility())).toList()), 5,
                view.error() == null ? "No subjects registered." : null);
    }

    String health(HealthOverview.View view, Instant now) {
        return draw("health", healthModel(view, now));
    }

    Model healthModel(HealthOverview.View view, Instant now) {
        return Model.of("poll", poll("health", FRAGMENTS + "health", null))
                .with("statusClass", healthClass(view.status()))
                .with("status", view.status())
                .with("readAt", OpsHtml.time(view.readAt(), now, zone, ""))
                .with("components", view.components().stream().map(OpsFragments::healthComponent).toList());
    }

    private static Model healthComponent(HealthOverview.Component c) {
        String details = c.details().entrySet().stream()
                .filter(e -> e.getValue() instanceof Number || e.getValue() instanceof String
                        || e.getValue() instanceof Boolean)
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
        return Model.of("name", c.name())
                .with("statusClass", healthClass(c.status()))
                .with("status", c.status())
                .with("details", details);
    }

    /**
     * The loops table.
     *
     * @param degradedAfter how long a loop may keep failing before it is degraded, as the page says it
     */
    String loops(List<LoopStatus> loops, Duration degradedAfter, Instant now) {
        return draw("loops", loopsModel(loops, degradedAfter, now));
    }

    Model loopsModel(List<LoopStatus> loops, Duration degradedAfter, Instant now) {
        return table(Model.of("poll", poll("loops", FRAGMENTS + "loops", null))
                .with("degradedAfter", degradedAfter.toSeconds() + " s")
                .with("rows", loops.stream().map(l -> loop(l, now)).toList()), 6, "No loops are registered.");
    }

    private Model loop(LoopStatus l, Instant now) {
        boolean restarting = l.state() == LoopState.RESTARTING;
        String stateClass = switch (l.state()) {
            case RUNNING -> "up";
            case DOWN -> "bad";
            case RESTARTING -> l.degraded() ? "bad" : "warn";
            case STOPPED -> "muted";
        };
        return Model.of("name", l.name())
                .with("kind", l.kind().name().toLowerCase(Locale.ROOT))
                .with("state", l.state().name())
                .with("stateClass", stateClass)
                .with("stateLabel", l.degraded() ? "RESTARTING · DEGRADED" : l.state().name())
                .with("reason", l.reason())
                .with("since", OpsHtml.time(l.since(), now, zone, "–"))
                .with("failuresClass", restarting || l.state() == LoopState.DOWN ? " bad" : "")
                .with("failures", count(l.failures()))
                .with("attempts", restarting ? String.valueOf(l.attempts()) : null)
                .with("lastFailure", l.lastFailure() == null ? null
                        : Model.of("at", OpsHtml.time(l.lastFailureAt(), now, zone, "")).with("failure", l.lastFailure()))
                .with("nextTry", l.nextTry() == null ? ""
                        : "in " + Math.max(0, Duration.between(now, l.nextTry()).toSeconds()) + " s");
    }

    String webhooks(Optional<ParkedWebhooks.View> view, Instant now) {
        return draw("webhooks", webhooksModel(view, now));
    }

    Model webhooksModel(Optional<ParkedWebhooks.View> view, Instant now) {
        Model section = Model.of("poll", poll("webhooks", FRAGMENTS + "webhooks", WEBHOOKS_CHANGED))
                .with("on", view.isPresent());
        if (view.isEmpty()) {
            return section;
        }
        Map<WebhookDeliveryStore.State, Long> counts = view.get().counts();
        long parked = counts.getOrDefault(WebhookDeliveryStore.State.PARKED, 0L);
        return table(section
                .with("pending", count(counts.getOrDefault(WebhookDeliveryStore.State.PENDING, 0L)))
                .with("delivered", count(counts.getOrDefault(WebhookDeliveryStore.State.DELIVERED, 0L)))
                .with("parkedClass", parked > 0 ? "bad" : "")
                .with("parked", count(parked))
                .with("rows", view.get().parked().stream().map(p -> Model.of("id", p.id())
                        .with("parkedAt", OpsHtml.time(p.parkedAt(), now, zone, "–"))
                        .with("partner", p.partnerId())
                        .with("message", p.messageId())
                        .with("attempts", p.attempts())
                        .with("error", (p.lastStatus() == null ? "" : "HTTP " + p.lastStatus() + " ")
                                + (p.lastError() == null ? "" : p.lastError()))).toList()),
                6, "No parked webhook deliveries.");
    }

    /** A message for the flash area: good news or bad. */
    static String flash(boolean ok, String message) {
        return PageTemplates.render("ops/parts/flash", flashModel(ok, message));
    }

    private static Model flashModel(boolean ok, String message) {
        return Model.of("kind", ok ? "good" : "bad").with("message", message);
    }

    /** The options of a filter's select; the empty value is shown as {@code emptyLabel}. */
    static String options(List<String> values, String selected, String emptyLabel) {
        return PageTemplates.render("ops/parts/options", optionsModel(values, selected, emptyLabel));
    }

    static Model optionsModel(List<String> values, String selected, String emptyLabel) {
        return Model.of("options", values.stream().map(v -> Model.of("value", v)
                .with("selected", v.equals(selected))
                .with("label", v.isEmpty() ? emptyLabel : v)).toList());
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

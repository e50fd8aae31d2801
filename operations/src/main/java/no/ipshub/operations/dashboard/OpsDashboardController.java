package no.ipshub.operations.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.operations.deadletter.DeadLetterFilter;
import no.ipshub.operations.deadletter.DeadLetterInspector;
import no.ipshub.operations.deadletter.DeadLetterReplayer;
import no.ipshub.operations.deadletter.DeadLetterRequestException;
import no.ipshub.operations.deadletter.DeadLetterStatus;
import no.ipshub.operations.deadletter.DeadLetterStore;
import no.ipshub.operations.deadletter.ReplayOutcome;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.web.page.Layout;
import no.ipshub.web.page.Model;
import no.ipshub.web.page.PageResponses;
import no.ipshub.web.page.PageTemplates;
import no.ipshub.web.signin.BrowserSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations dashboard at {@code /ops} (operator role): one server-rendered page whose sections refresh
 * themselves with htmx, plus the fragments they poll and the actions behind their buttons. Everything shown
 * comes from {@link OpsOverview}, the same source as the JSON API.
 */
@RestController
public class OpsDashboardController {

    private static final Logger log = LoggerFactory.getLogger(OpsDashboardController.class);
    private static final int PAGE_SIZE = 20;

    private final OpsOverview overview;
    private final RouteInspector routes;
    private final DeadLetterStore deadLetters;
    private final DeadLetterInspector inspector;
    private final DeadLetterReplayer replayer;
    private final PartnerDirectory partners;
    private final OpsProperties properties;
    private final ParkedWebhooks webhooks;
    private final OpsFragments fragments;
    private final Clock clock;

    public OpsDashboardController(OpsOverview overview, RouteInspector routes, DeadLetterStore deadLetters,
            DeadLetterInspector inspector, DeadLetterReplayer replayer, PartnerDirectory partners,
            ParkedWebhooks webhooks, OpsProperties properties, Clock clock) {
        this.clock = clock;
        this.overview = overview;
        this.routes = routes;
        this.deadLetters = deadLetters;
        this.inspector = inspector;
        this.replayer = replayer;
        this.partners = partners;
        this.webhooks = webhooks;
        this.properties = properties;
        this.fragments = new OpsFragments(properties.zone(), Math.max(1, properties.pageRefresh().toSeconds()));
    }

    @GetMapping({"/ops", "/ops/"})
    public ResponseEntity<String> dashboard(HttpServletRequest request, Authentication operator) {
        Instant now = clock.instant();
        Object token = request.getAttribute(BrowserSignIn.CSRF_ATTRIBUTE);
        String csrf = token == null ? "" : token.toString();
        Map<String, String> defaultFilter = Map.of("status", DeadLetterStatus.OPEN.name());
        Model page = Model.of("layout", Layout.withCharts("operations", "/ops", List.of(), List.of("/ops/assets/ops.js")))
                .with("header", Model.of("pages", "operations").with("user", operator.getName()).with("project", null)
                        .with("logoutPath", OpsSignIn.LOGOUT_PATH).with("csrfToken", csrf))
                .with("csrfJson", OpsHtml.json(csrf))
                .with("sampleMillis", properties.sampleInterval().toMillis())
                .with("sampleSeconds", properties.sampleInterval().toSeconds())
                .with("windowMinutes", properties.sampleWindow().toMinutes())
                .with("health", fragments.healthModel(overview.health(), now))
                .with("loops", fragments.loopsModel(overview.loops(), overview.loopsDegradedAfter(), now))
                .with("routes", fragments.routesModel(overview.routes()))
                .with("lag", fragments.lagModel(overview.lag(), now))
                .with("deadLetterCounts", fragments.deadLetterCountsModel(overview.deadLetterCounts()))
                .with("statusOptions", OpsFragments.optionsModel(List.of("", "OPEN", "REPLAYED", "DISCARDED"), "OPEN", "any"))
                .with("partnerOptions", OpsFragments.optionsModel(partnerIds(), "", "any"))
                .with("reasonOptions", OpsFragments.optionsModel(reasonCodes(), "", "any"))
                .with("deadLetters", deadLetterTable(defaultFilter, 0, now))
                .with("partners", fragments.partnersModel(overview.partners(), now))
                .with("registry", fragments.registryModel(overview.registry(), now))
                .with("webhooks", fragments.webhooksModel(webhooks.view(PAGE_SIZE), now));
        return html(PageTemplates.render("ops/dashboard", page));
    }

    @GetMapping("/ops/fragments/routes")
    public ResponseEntity<String> routesFragment() {
        return html(fragments.routes(overview.routes()));
    }

    @GetMapping("/ops/fragments/lag")
    public ResponseEntity<String> lagFragment() {
        return html(fragments.lag(overview.lag(), clock.instant()));
    }

    @GetMapping("/ops/fragments/deadletter-counts")
    public ResponseEntity<String> deadLetterCountsFragment() {
        return html(fragments.deadLetterCounts(overview.deadLetterCounts()));
    }

    @GetMapping("/ops/fragments/deadletters")
    public ResponseEntity<String> deadLettersFragment(@RequestParam Map<String, String> query,
            @RequestParam(defaultValue = "0") int page) {
        return html(OpsFragments.draw("deadletters", deadLetterTable(query, page, clock.instant())));
    }

    @GetMapping("/ops/fragments/deadletter/{id}")
    public ResponseEntity<String> deadLetterDetail(@PathVariable String id) {
        try {
            return html(fragments.deadLetterDetail(inspector.detail(id), clock.instant()));
        } catch (DeadLetterRequestException e) {
            return html(OpsFragments.flash(false, e.getMessage()));
        }
    }

    @GetMapping("/ops/fragments/partners")
    public ResponseEntity<String> partnersFragment() {
        return html(fragments.partners(overview.partners(), clock.instant()));
    }

    @GetMapping("/ops/fragments/registry")
    public ResponseEntity<String> registryFragment() {
        return html(fragments.registry(overview.registry(), clock.instant()));
    }

    @GetMapping("/ops/fragments/health")
    public ResponseEntity<String> healthFragment() {
        return html(fragments.health(overview.health(), clock.instant()));
    }

    @GetMapping("/ops/fragments/loops")
    public ResponseEntity<String> loopsFragment() {
        return html(fragments.loops(overview.loops(), overview.loopsDegradedAfter(), clock.instant()));
    }

    @GetMapping("/ops/fragments/webhooks")
    public ResponseEntity<String> webhooksFragment() {
        return html(fragments.webhooks(webhooks.view(PAGE_SIZE), clock.instant()));
    }

    @PostMapping("/ops/actions/webhooks/{id}/replay")
    public ResponseEntity<String> replayWebhook(@PathVariable long id, Authentication operator) {
        ParkedWebhooks.Outcome outcome = webhooks.replay(id, operator.getName());
        return ResponseEntity.ok()
                .contentType(PageResponses.HTML)
                .header("HX-Trigger", OpsFragments.WEBHOOKS_CHANGED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(OpsFragments.flash(outcome.ok(), outcome.message()));
    }

    @PostMapping("/ops/actions/routes/{id}/suspend")
    public ResponseEntity<String> suspend(@PathVariable String id, Authentication operator) throws Exception {
        if (routes.suspend(id)) {
            log.info("Route {} suspended by {} on the dashboard", id, operator.getName());
        }
        return html(fragments.routes(overview.routes()));
    }

    @PostMapping("/ops/actions/routes/{id}/resume")
    public ResponseEntity<String> resume(@PathVariable String id, Authentication operator) throws Exception {
        if (routes.resume(id)) {
            log.info("Route {} resumed by {} on the dashboard", id, operator.getName());
        }
        return html(fragments.routes(overview.routes()));
    }

    @PostMapping("/ops/actions/deadletters/{id}/replay")
    public ResponseEntity<String> replay(@PathVariable String id, Authentication operator) {
        try {
            ReplayOutcome outcome = replayer.replay(List.of(id), operator.getName()).get(0);
            boolean ok = outcome.result() == ReplayOutcome.Result.REPLAYED;
            String message = ok ? "Replayed dead letter " + id + " to " + outcome.topic() + "." : outcome.detail();
            return changed(OpsFragments.flash(ok, message));
        } catch (TransientFailureException e) {
            return html(OpsFragments.flash(false, "Kafka did not acknowledge the replay; nothing was marked. Try again."));
        }
    }

    @PostMapping("/ops/actions/deadletters/replay-matching")
    public ResponseEntity<String> replayMatching(@RequestParam Map<String, String> query, Authentication operator) {
        try {
            DeadLetterFilter filter = filter(query);
            DeadLetterReplayer.Selection selection = replayer.replayMatching(filter, operator.getName());
            long replayed = selection.outcomes().stream()
                    .filter(o -> o.result() == ReplayOutcome.Result.REPLAYED).count();
            long refused = selection.outcomes().size() - replayed;
            String message = "Replayed " + replayed + " open dead letters" + (refused > 0 ? "; " + refused
                    + " could not be replayed" : "") + (selection.truncated() ? "; more match: replay again for the rest" : "")
                    + ".";
            return changed(OpsFragments.flash(refused == 0, message));
        } catch (DeadLetterRequestException e) {
            return html(OpsFragments.flash(false, e.getMessage()));
        } catch (TransientFailureException e) {
            return html(OpsFragments.flash(false, "Kafka did not acknowledge the replay; nothing was marked. Try again."));
        }
    }

    @PostMapping("/ops/actions/deadletters/discard")
    public ResponseEntity<String> discard(@RequestParam(required = false) String id,
            @RequestParam(required = false) String reason, Authentication operator) {
        try {
            if (id == null || id.isBlank()) {
                throw DeadLetterRequestException.invalid("id", "Which dead letter? The form sent no id.");
            }
            replayer.discard(id, reason, operator.getName());
            return changed(OpsFragments.flash(true, "Discarded dead letter " + id + "."));
        } catch (DeadLetterRequestException e) {
            return html(OpsFragments.flash(false, e.getMessage()));
        }
    }

    private Model deadLetterTable(Map<String, String> query, int page, Instant now) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : List.of("status", "partner", "reason", "from", "to")) {
            if (query.get(key) != null) {
                kept.put(key, query.get(key));
            }
        }
        try {
            DeadLetterStore.Page result = deadLetters.page(filter(kept), Math.max(0, page), PAGE_SIZE);
            return fragments.deadLettersModel(result.items().stream().map(inspector::summary).toList(), result.page(),
                    result.size(), result.total(), kept, now);
        } catch (DeadLetterRequestException e) {
            return OpsFragments.deadLettersRefused(e.getMessage());
        }
    }

    private DeadLetterFilter filter(Map<String, String> query) {
        return DeadLetterFilter.parse(query.get("partner"), query.get("reason"), query.get("status"), query.get("from"),
                query.get("to"), properties.zone());
    }

    private List<String> partnerIds() {
        return Stream.concat(Stream.of(""),
                partners.all().stream().map(Partner::id)).toList();
    }

    private static List<String> reasonCodes() {
        return Stream.concat(Stream.of(""),
                Arrays.stream(DeadLetterReason.values()).map(Enum::name)).toList();
    }

    private static ResponseEntity<String> html(String body) {
        return PageResponses.html(body);
    }

    /** An action's answer that also tells the dead-letter sections to refresh now. */
    private static ResponseEntity<String> changed(String body) {
        return ResponseEntity.ok()
                .contentType(PageResponses.HTML)
                .header("HX-Trigger", OpsFragments.DEAD_LETTERS_CHANGED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}

package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.config.ResearchProperties;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.store.EntryQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV exports for researchers, with small-cell suppression: indicators, IPS-25 fidelity evidence and the pair
 * picture, whose cells from fewer than {@code hub.research.min-cell-size} participants are blank and flagged (with
 * secondary suppression against the totals and the differencing check), entries without the team/NAV-office
 * combinations that have fewer participants than that, and the timelines of a pair's cases. Every export is
 * audited, with its row count, before a byte is sent.
 */
@RestController
@RequestMapping("/api/v1/research/exports")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchExportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final List<String> INDICATOR_COLUMNS = List.of("from", "to", "groupBy", "group", "indicator", "value", "suppression");
    static final List<String> FIDELITY_COLUMNS = List.of("from", "to", "team", "item", "itemId", "evidence", "basis", "value",
            "anchor", "cases", "suppression");
    static final List<String> PAIR_COLUMNS = List.of("from", "to", "team", "navOffice", "month", "measure", "value",
            "suppression");
    static final List<String> TIMELINE_COLUMNS = List.of("team", "navOffice", "case", "startDate", "startedBy", "day",
            "eventKind");

    private final CollaborationLogStore store;
    private final AuditTrail audit;
    private final ResearchAnswers answers;
    private final ResearchProperties properties;

    public ResearchExportController(CollaborationLogStore store, AuditTrail audit, ResearchAnswers answers,
            ResearchProperties properties) {
        this.store = store;
        this.audit = audit;
        this.answers = answers;
        this.properties = properties;
    }

    /** The entries matching the filter, one CSV row each, without the entries of small team/NAV-office cells. */
    @GetMapping("/entries.csv")
    public ResponseEntity<StreamingResponseBody> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind) {
        String caller = Caller.require(request, ResearchController.ROLE);
        EntryQuery query = QueryParameters.entries(from, to, team, navOffice, kind);
        EntrySelection selection = EntrySelection.of(store.cells(query), properties.minCellSize());
        audit.append(caller, "ENTRIES_EXPORTED", ResearchController.describe(request) + " (withheld " + selection.withheld()
                + ")", selection.shown());
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Csv.line(writer, EntryView.COLUMNS);
            try {
                store.stream(query, entry -> {
                    if (selection.includes(entry)) {
                        try {
                            Csv.line(writer, EntryView.of(entry).csvValues());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"entries.csv\"")
                .header("X-Suppressed-Entries", Long.toString(selection.withheld()))
                .body(body);
    }

    /** The indicators as a long CSV table: one row per group and indicator, blank and flagged where suppressed. */
    @GetMapping("/indicators.csv")
    public ResponseEntity<String> indicators(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) throws IOException {
        PublishedIndicators published = answers.indicators(Caller.require(request, ResearchController.ROLE),
                "INDICATORS_EXPORTED", request, from, to, groupBy);
        StringWriter text = new StringWriter();
        Csv.line(text, INDICATOR_COLUMNS);
        for (PublishedIndicators.Cell cell : published.cells()) {
            Csv.line(text, List.of(published.from().toString(), published.to().toString(), published.groupBy().parameter(),
                    cell.group(), cell.indicator(), number(cell.value()), cell.suppression().name()));
        }
        return csv("indicators.csv", text);
    }

    /**
     * The IPS-25 evidence as a long CSV table: one row per team and item, all 25 items for every team, those not
     * from events marked so and left blank.
     */
    @GetMapping("/fidelity.csv")
    public ResponseEntity<String> fidelity(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PublishedFidelity published = answers.fidelity(Caller.require(request, ResearchController.ROLE),
                "FIDELITY_EXPORTED", request, from, to);
        StringWriter text = new StringWriter();
        Csv.line(text, FIDELITY_COLUMNS);
        for (PublishedFidelity.Team team : published.teams()) {
            for (PublishedFidelity.Score score : team.items()) {
                PublishedFidelity.Item item = published.items().get(score.number() - 1);
                Csv.line(text, List.of(published.from().toString(), published.to().toString(), team.team(),
                        Integer.toString(score.number()), score.id(), score.evidence().name(),
                        item.basis() == null ? "" : item.basis().name(), number(score.value()),
                        score.anchor() == null ? "" : score.anchor().toString(),
                        score.cases() == null ? "" : score.cases().toString(),
                        score.suppression() == null ? "" : score.suppression().name()));
            }
        }
        return csv("fidelity.csv", text);
    }

    /** The collaboration picture as a long CSV table: one row per measure, pair and month. */
    @GetMapping("/pairs.csv")
    public ResponseEntity<String> pairs(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PublishedPairs published = answers.pairs(Caller.require(request, ResearchController.ROLE), "PAIRS_EXPORTED",
                request, from, to);
        StringWriter text = new StringWriter();
        Csv.line(text, PAIR_COLUMNS);
        for (PublishedPairs.Cell cell : published.cells()) {
            Csv.line(text, List.of(published.from().toString(), published.to().toString(), cell.team(), cell.navOffice(),
                    cell.month(), cell.measure(), number(cell.value()), cell.suppression().name()));
        }
        return csv("pairs.csv", text);
    }

    /** The timelines of one pair's cases: one row per event, in days from the case's start. */
    @GetMapping("/timelines.csv")
    public ResponseEntity<String> timelines(HttpServletRequest request, @RequestParam(required = false) String team,
            @RequestParam(required = false) String navOffice, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PairTimelines timelines = answers.timelines(Caller.require(request, ResearchController.ROLE), "TIMELINES_EXPORTED",
                request, team, navOffice, from, to);
        StringWriter text = new StringWriter();
        Csv.line(text, TIMELINE_COLUMNS);
        for (PairTimelines.Timeline timeline : timelines.cases()) {
            for (PairTimelines.Event event : timeline.events()) {
                Csv.line(text, List.of(timelines.team(), timelines.navOffice(), timeline.label(),
                        timeline.startDate() == null ? "" : timeline.startDate().toString(), timeline.startedBy(),
                        Long.toString(event.day()), event.kind()));
            }
        }
        return csv("timelines.csv", text);
    }

    private static ResponseEntity<String> csv(String name, StringWriter text) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(text.toString());
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

}

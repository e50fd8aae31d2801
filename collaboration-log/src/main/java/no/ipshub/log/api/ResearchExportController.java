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
import no.ipshub.log.api.ResearchAccessLevel.Level;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.survival.PublishedTimeToEvent;
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
 * CSV exports. Rows, for a project's researchers: the entries (the same rows as {@code /entries}) and the timelines
 * of a pair's cases. Tables, for researchers and table readers: indicators, IPS-25 fidelity evidence, the pair picture
 * and the time-to-event results, with the same disclosure control as their JSON forms. Every export is audited, with
 * its row count, before a byte is sent.
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
    static final List<String> TIME_TO_EVENT_COLUMNS = List.of("from", "to", "observedTo", "groupBy", "group", "measure",
            "value", "suppression");

    private final RowExport rows;
    private final ResearchAnswers answers;

    public ResearchExportController(CollaborationLogEntries store, AuditTrail audit, ResearchAnswers answers) {
        this.rows = new RowExport(store, audit);
        this.answers = answers;
    }

    /** The project's entries matching the filter, one CSV row each: the same rows as {@code /entries}. */
    @ResearchAccessLevel(Level.ROWS)
    @GetMapping("/entries.csv")
    public ResponseEntity<StreamingResponseBody> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind) {
        RowExport.Rows entries = rows.start(request, "ENTRIES_EXPORTED", from, to, team, navOffice, kind);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Csv.line(writer, EntryView.COLUMNS);
            try {
                entries.each(entry -> {
                    try {
                        Csv.line(writer, EntryView.of(entry).csvValues());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"entries.csv\"")
                .body(body);
    }

    /** The indicators as a long CSV table: one row per group and indicator, blank and flagged where suppressed. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/indicators.csv")
    public ResponseEntity<String> indicators(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) throws IOException {
        PublishedIndicators published = answers.indicators(ResearchCaller.of(request),
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
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/fidelity.csv")
    public ResponseEntity<String> fidelity(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PublishedFidelity published = answers.fidelity(ResearchCaller.of(request),
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
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/pairs.csv")
    public ResponseEntity<String> pairs(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PublishedPairs published = answers.pairs(ResearchCaller.of(request), "PAIRS_EXPORTED",
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
    @ResearchAccessLevel(Level.ROWS)
    @GetMapping("/timelines.csv")
    public ResponseEntity<String> timelines(HttpServletRequest request, @RequestParam(required = false) String team,
            @RequestParam(required = false) String navOffice, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) throws IOException {
        PairTimelines timelines = answers.timelines(ResearchCaller.of(request), "TIMELINES_EXPORTED",
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

    /** The time-to-event results as a long CSV table: one row per group and measure. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/time-to-event.csv")
    public ResponseEntity<String> timeToEvent(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) throws IOException {
        PublishedTimeToEvent published = answers.timeToEvent(ResearchCaller.of(request), "TIME_TO_EVENT_EXPORTED", request,
                from, to, groupBy);
        StringWriter text = new StringWriter();
        Csv.line(text, TIME_TO_EVENT_COLUMNS);
        for (PublishedTimeToEvent.Cell cell : published.cells()) {
            Csv.line(text, List.of(published.from().toString(), published.to().toString(),
                    published.observedTo().toString(), published.groupBy().parameter(), cell.group(), cell.measure(),
                    number(cell.value()), cell.suppression().name()));
        }
        return csv("time-to-event.csv", text);
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

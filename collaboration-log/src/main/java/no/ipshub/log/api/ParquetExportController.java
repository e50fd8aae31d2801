package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import no.ipshub.log.api.ResearchAccessLevel.Level;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.parquet.ParquetTables;
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
 * Parquet exports for R arrow, pandas and DuckDB, with the same access and audit as the CSV exports: the entries
 * (rows, the same as {@code /entries}), and the indicators, IPS-25 evidence and time-to-event results (tables). Each
 * is audited before a byte is sent, then written straight onto the response.
 */
@RestController
@RequestMapping("/api/v1/research/exports")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ParquetExportController {

    static final MediaType PARQUET = MediaType.parseMediaType("application/vnd.apache.parquet");

    private final RowExport rows;
    private final ResearchAnswers answers;

    public ParquetExportController(CollaborationLogEntries store, AuditTrail audit, ResearchAnswers answers) {
        this.rows = new RowExport(store, audit);
        this.answers = answers;
    }

    /** The project's entries matching the filter, one row each. */
    @ResearchAccessLevel(Level.ROWS)
    @GetMapping("/entries.parquet")
    public ResponseEntity<StreamingResponseBody> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind) {
        RowExport.Rows entries = rows.start(request, "ENTRIES_EXPORTED_PARQUET", from, to, team, navOffice, kind);
        StreamingResponseBody body = out -> ParquetTables.entries(out, entries::each);
        return parquet("entries.parquet").body(body);
    }

    /** The indicators, one row per group and indicator, blank and flagged where suppressed. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/indicators.parquet")
    public ResponseEntity<StreamingResponseBody> indicators(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        PublishedIndicators published = answers.indicators(ResearchCaller.of(request), "INDICATORS_EXPORTED_PARQUET",
                request, from, to, groupBy);
        return parquet("indicators.parquet").body(out -> ParquetTables.indicators(out, published));
    }

    /** The IPS-25 evidence, one row per team and item, items not from events marked so. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/fidelity.parquet")
    public ResponseEntity<StreamingResponseBody> fidelity(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        PublishedFidelity published = answers.fidelity(ResearchCaller.of(request), "FIDELITY_EXPORTED_PARQUET", request,
                from, to);
        return parquet("fidelity.parquet").body(out -> ParquetTables.fidelity(out, published));
    }

    /** The pair picture, one row per measure, pair and month. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/pairs.parquet")
    public ResponseEntity<StreamingResponseBody> pairs(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        PublishedPairs published = answers.pairs(ResearchCaller.of(request), "PAIRS_EXPORTED_PARQUET", request, from, to);
        return parquet("pairs.parquet").body(out -> ParquetTables.pairs(out, published));
    }

    /** The time-to-event results, one row per group and measure. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping("/time-to-event.parquet")
    public ResponseEntity<StreamingResponseBody> timeToEvent(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        PublishedTimeToEvent published = answers.timeToEvent(ResearchCaller.of(request), "TIME_TO_EVENT_EXPORTED_PARQUET",
                request, from, to, groupBy);
        return parquet("time-to-event.parquet").body(out -> ParquetTables.timeToEvent(out, published));
    }

    private static ResponseEntity.BodyBuilder parquet(String name) {
        return ResponseEntity.ok().contentType(PARQUET)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}

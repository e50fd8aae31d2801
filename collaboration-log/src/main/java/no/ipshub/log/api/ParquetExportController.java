package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.config.ResearchProperties;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.parquet.ParquetTables;
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
 * Parquet exports for R arrow, pandas and DuckDB, with the same suppression and audit as the CSV exports: the
 * entries (without small team/NAV-office combinations), the indicators and the IPS-25 evidence. Each is audited
 * before a byte is sent, then written straight onto the response.
 */
@RestController
@RequestMapping("/api/v1/research/exports")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ParquetExportController {

    static final MediaType PARQUET = MediaType.parseMediaType("application/vnd.apache.parquet");

    private final CollaborationLogStore store;
    private final AuditTrail audit;
    private final ResearchAnswers answers;
    private final ResearchProperties properties;

    public ParquetExportController(CollaborationLogStore store, AuditTrail audit, ResearchAnswers answers,
            ResearchProperties properties) {
        this.store = store;
        this.audit = audit;
        this.answers = answers;
        this.properties = properties;
    }

    /** The entries matching the filter, one row each, without the entries of small team/NAV-office cells. */
    @GetMapping("/entries.parquet")
    public ResponseEntity<StreamingResponseBody> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind) {
        String caller = Caller.require(request, ResearchController.ROLE);
        EntryQuery query = QueryParameters.entries(from, to, team, navOffice, kind);
        EntrySelection selection = EntrySelection.of(store.cells(query), properties.minCellSize());
        audit.append(caller, "ENTRIES_EXPORTED_PARQUET", ResearchController.describe(request) + " (withheld "
                + selection.withheld() + ")", selection.shown());
        StreamingResponseBody body = out -> ParquetTables.entries(out, sink -> store.stream(query, entry -> {
            if (selection.includes(entry)) {
                sink.accept(entry);
            }
        }));
        return parquet("entries.parquet").header("X-Suppressed-Entries", Long.toString(selection.withheld())).body(body);
    }

    /** The indicators, one row per group and indicator, blank and flagged where suppressed. */
    @GetMapping("/indicators.parquet")
    public ResponseEntity<StreamingResponseBody> indicators(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy) {
        PublishedIndicators published = answers.indicators(Caller.require(request, ResearchController.ROLE),
                "INDICATORS_EXPORTED_PARQUET", request, from, to, groupBy);
        return parquet("indicators.parquet").body(out -> ParquetTables.indicators(out, published));
    }

    /** The IPS-25 evidence, one row per team and item, items not from events marked so. */
    @GetMapping("/fidelity.parquet")
    public ResponseEntity<StreamingResponseBody> fidelity(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        PublishedFidelity published = answers.fidelity(Caller.require(request, ResearchController.ROLE),
                "FIDELITY_EXPORTED_PARQUET", request, from, to);
        return parquet("fidelity.parquet").body(out -> ParquetTables.fidelity(out, published));
    }

    private static ResponseEntity.BodyBuilder parquet(String name) {
        return ResponseEntity.ok().contentType(PARQUET)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}

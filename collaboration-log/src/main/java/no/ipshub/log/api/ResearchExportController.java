package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.config.ResearchProperties;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.store.CollaborationLogStore.EntryCell;
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
 * CSV exports for researchers, with small-cell suppression: indicators whose cells from fewer than
 * {@code hub.research.min-cell-size} participants are blank and flagged (with secondary suppression against
 * the {@code ALL} row), and entries without the team/NAV-office combinations that have fewer participants than
 * that. Every export is audited, with its row count, before a byte is sent.
 */
@RestController
@RequestMapping("/api/v1/research/exports")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchExportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final List<String> INDICATOR_COLUMNS = List.of("from", "to", "groupBy", "group", "indicator", "value", "suppression");

    private final CollaborationLogStore store;
    private final AuditTrail audit;
    private final ResearchController research;
    private final ResearchProperties properties;

    public ResearchExportController(CollaborationLogStore store, AuditTrail audit, ResearchController research,
            ResearchProperties properties) {
        this.store = store;
        this.audit = audit;
        this.research = research;
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
        Set<String> hidden = new HashSet<>();
        long shown = 0;
        long withheld = 0;
        for (EntryCell cell : store.cells(query)) {
            if (cell.participants() < properties.minCellSize()) {
                hidden.add(cellKey(cell.team(), cell.navOffice()));
                withheld += cell.entries();
            } else {
                shown += cell.entries();
            }
        }
        audit.append(caller, "ENTRIES_EXPORTED", ResearchController.describe(request) + " (withheld " + withheld + ")", shown);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Csv.line(writer, EntryView.COLUMNS);
            try {
                store.stream(query, entry -> {
                    if (!hidden.contains(cellKey(entry.getTeam(), entry.getNavOffice()))) {
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
                .header("X-Suppressed-Entries", Long.toString(withheld))
                .body(body);
    }

    /** The indicators as a long CSV table: one row per group and indicator, blank and flagged where suppressed. */
    @GetMapping("/indicators.csv")
    public ResponseEntity<String> indicators(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) throws IOException {
        String caller = Caller.require(request, ResearchController.ROLE);
        PublishedIndicators published = research.indicators(from, to, groupBy);
        StringWriter text = new StringWriter();
        Csv.line(text, INDICATOR_COLUMNS);
        for (PublishedIndicators.Cell cell : published.cells()) {
            Csv.line(text, List.of(published.from().toString(), published.to().toString(), published.groupBy().parameter(),
                    cell.group(), cell.indicator(), cell.value() == null ? "" : cell.value().toString(),
                    cell.suppression().name()));
        }
        audit.append(caller, "INDICATORS_EXPORTED", ResearchController.describe(request), published.cells().size());
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicators.csv\"")
                .body(text.toString());
    }

    private static String cellKey(String team, String navOffice) {
        return team + '\u0000' + navOffice;
    }
}

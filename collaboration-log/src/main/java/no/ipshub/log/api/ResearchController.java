package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.config.ResearchProperties;
import no.ipshub.log.indicators.GroupBy;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.store.EntryQuery;
import no.ipshub.log.suppression.SmallCellSuppressor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The research API (researcher role): pseudonymised log entries, as a JSON page or NDJSON, and the IPS
 * indicators with small-cell suppression. Every answer is written to the audit trail before it is sent.
 */
@RestController
@RequestMapping("/api/v1/research")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchController {

    static final String ROLE = "RESEARCHER";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final CollaborationLogStore store;
    private final AuditTrail audit;
    private final IndicatorCalculator calculator;
    private final SmallCellSuppressor suppressor;
    private final ResearchProperties research;
    private final JsonMapper json;

    public ResearchController(CollaborationLogStore store, AuditTrail audit, IndicatorCalculator calculator,
            SmallCellSuppressor suppressor, ResearchProperties research, JsonMapper json) {
        this.store = store;
        this.audit = audit;
        this.calculator = calculator;
        this.suppressor = suppressor;
        this.research = research;
        this.json = json;
    }

    /**
     * A page of entries, as JSON, or as NDJSON (one entry per line) for {@code Accept: application/x-ndjson}.
     *
     * @param from      first event date (yyyy-MM-dd), optional
     * @param to        last event date, optional
     * @param team      partner id of the treatment team, optional
     * @param navOffice partner id of the NAV office, optional
     * @param kind      event kind, optional
     * @param page      page number from 0
     * @param size      entries per page, at most {@code hub.research.max-page-size}
     */
    @GetMapping(value = "/entries", produces = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    public ResponseEntity<?> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        String caller = Caller.require(request, ROLE);
        EntryQuery query = QueryParameters.entries(from, to, team, navOffice, kind);
        int pageSize = size == null ? research.defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > research.maxPageSize()) {
            throw new BadQueryException("page must be 0 or more and size between 1 and " + research.maxPageSize());
        }
        long total = store.count(query);
        List<EntryView> entries = store.find(query, Math.multiplyExact(page, pageSize), pageSize).stream()
                .map(EntryView::of).toList();
        boolean ndjson = acceptsNdjson(request);
        audit.append(caller, ndjson ? "ENTRIES_READ_NDJSON" : "ENTRIES_READ", describe(request), entries.size());
        long pages = (total + pageSize - 1) / pageSize;
        if (ndjson) {
            StringBuilder body = new StringBuilder();
            entries.forEach(entry -> body.append(json.writeValueAsString(entry)).append('\n'));
            return ResponseEntity.ok().contentType(NDJSON)
                    .header("X-Total-Count", Long.toString(total))
                    .header("X-Total-Pages", Long.toString(pages))
                    .body(body.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new EntriesPage(page, pageSize, total, pages, entries));
    }

    /**
     * The indicators of the period, per team, NAV office or month, with a last {@code ALL} row; cells from fewer
     * than {@code hub.research.min-cell-size} participants are null and flagged.
     */
    @GetMapping(value = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    public PublishedIndicators indicators(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) {
        String caller = Caller.require(request, ROLE);
        PublishedIndicators published = indicators(from, to, groupBy);
        audit.append(caller, "INDICATORS_READ", describe(request), published.cells().size());
        return published;
    }

    PublishedIndicators indicators(String from, String to, String groupBy) {
        LocalDate start = QueryParameters.requiredDate("from", from);
        LocalDate end = QueryParameters.requiredDate("to", to);
        if (start.isAfter(end)) {
            throw new BadQueryException("from must not be after to");
        }
        GroupBy grouping = QueryParameters.groupBy(groupBy);
        return PublishedIndicators.of(calculator.compute(store.upTo(end), start, end, grouping,
                LocalDate.now(ZoneId.of("Europe/Oslo"))), suppressor);
    }

    static String describe(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static boolean acceptsNdjson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(NDJSON::equalsTypeAndSubtype);
    }

    /**
     * One page of entries.
     *
     * @param page          page number from 0
     * @param size          entries per page
     * @param totalElements entries matching the filter
     * @param totalPages    pages at this size
     * @param entries       the page's entries, by event date and entry id
     */
    public record EntriesPage(int page, int size, long totalElements, long totalPages, List<EntryView> entries) {
    }
}

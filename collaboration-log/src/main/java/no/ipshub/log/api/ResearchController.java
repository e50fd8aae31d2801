package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.api.ResearchAccessLevel.Level;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.store.EntryQuery;
import no.ipshub.log.survival.PublishedTimeToEvent;
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
 * The research API. Rows (a project's researchers only): pseudonymised log entries, as a JSON page or NDJSON, and
 * the timelines of a pair's cases. Tables (researchers and table readers): the IPS indicators, the IPS-25 fidelity
 * evidence, the collaboration picture per team and NAV office pair and the time-to-event results, checked for
 * disclosure against what the caller's audience was shown before. Every answer names its project with
 * {@code project} (the default project when not given) and is written to the audit trail before it is sent.
 */
@RestController
@RequestMapping("/api/v1/research")
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final CollaborationLogEntries store;
    private final AuditTrail audit;
    private final ResearchAnswers answers;
    private final ResearchProperties research;
    private final JsonMapper json;

    public ResearchController(CollaborationLogEntries store, AuditTrail audit, ResearchAnswers answers,
            ResearchProperties research, JsonMapper json) {
        this.store = store;
        this.audit = audit;
        this.answers = answers;
        this.research = research;
        this.json = json;
    }

    /**
     * A page of the project's entries, as JSON, or as NDJSON (one entry per line) for
     * {@code Accept: application/x-ndjson}.
     *
     * @param from      first event date (yyyy-MM-dd), optional
     * @param to        last event date, optional
     * @param team      partner id of the treatment team, optional
     * @param navOffice partner id of the NAV office, optional
     * @param kind      event kind, optional
     * @param page      page number from 0
     * @param size      entries per page, at most {@code hub.research.max-page-size}
     */
    @ResearchAccessLevel(Level.ROWS)
    @GetMapping(value = "/entries", produces = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    public ResponseEntity<?> entries(HttpServletRequest request,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String team, @RequestParam(required = false) String navOffice,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        ResearchCaller caller = ResearchCaller.of(request);
        EntryQuery query = QueryParameters.entries(from, to, team, navOffice, kind);
        int pageSize = size == null ? research.defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > research.maxPageSize()) {
            throw new BadQueryException("page must be 0 or more and size between 1 and " + research.maxPageSize());
        }
        String project = caller.project().code();
        long total = store.count(project, query);
        List<EntryView> entries = store.find(project, query, Math.multiplyExact(page, pageSize), pageSize).stream()
                .map(EntryView::of).toList();
        boolean ndjson = acceptsNdjson(request);
        audit.append(caller.name(), ndjson ? "ENTRIES_READ_NDJSON" : "ENTRIES_READ", describe(request), entries.size(), project);
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
     * than the project's threshold of participants are null and flagged, and so are cells that arithmetic with the
     * answer's other values or with earlier answers would work back to a small group.
     */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    public PublishedIndicators indicators(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) {
        return answers.indicators(ResearchCaller.of(request), "INDICATORS_READ", request, from, to, groupBy);
    }

    /** The IPS-25 items the events can evidence, per team, with the others listed as not from events. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/fidelity", produces = MediaType.APPLICATION_JSON_VALUE)
    public PublishedFidelity fidelity(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return answers.fidelity(ResearchCaller.of(request), "FIDELITY_READ", request, from, to);
    }

    /** Counts and indicators per treatment team and NAV office pair and month. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/pairs", produces = MediaType.APPLICATION_JSON_VALUE)
    public PublishedPairs pairs(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return answers.pairs(ResearchCaller.of(request), "PAIRS_READ", request, from, to);
    }

    /** Time to the first competitive job and job tenure, with censoring, per team, NAV office or pair. */
    @ResearchAccessLevel(Level.TABLES)
    @GetMapping(value = "/time-to-event", produces = MediaType.APPLICATION_JSON_VALUE)
    public PublishedTimeToEvent timeToEvent(HttpServletRequest request, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy) {
        return answers.timeToEvent(ResearchCaller.of(request), "TIME_TO_EVENT_READ", request, from, to, groupBy);
    }

    /** The timelines, in days from their start, of one pair's cases that started in the period. */
    @ResearchAccessLevel(Level.ROWS)
    @GetMapping(value = "/pairs/timelines", produces = MediaType.APPLICATION_JSON_VALUE)
    public PairTimelines timelines(HttpServletRequest request, @RequestParam(required = false) String team,
            @RequestParam(required = false) String navOffice, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return answers.timelines(ResearchCaller.of(request), "TIMELINES_READ", request, team, navOffice, from, to);
    }

    static String describe(HttpServletRequest request) {
        return ResearchAnswers.describe(request);
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

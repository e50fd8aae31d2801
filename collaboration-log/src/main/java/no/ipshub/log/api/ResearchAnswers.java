package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.disclosure.ReleaseLedger;
import no.ipshub.log.fidelity.FidelityCalculator;
import no.ipshub.log.fidelity.FidelityTable;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.GroupBy;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.indicators.IndicatorTable;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.pairs.PairPictureCalculator;
import no.ipshub.log.pairs.PairTable;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.store.CollaborationLogStore;

/**
 * The aggregate answers of the research API, shared by its JSON, CSV and Parquet forms: parses the period,
 * computes from the store, lets the {@link ReleaseLedger} decide what may be shown (small cells, secondary
 * suppression, differencing against the caller's earlier answers) and audits the answer before it is returned.
 */
public class ResearchAnswers {

    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final CollaborationLogStore store;
    private final IndicatorCalculator indicators;
    private final FidelityCalculator fidelity;
    private final PairPictureCalculator pairs;
    private final ReleaseLedger ledger;
    private final AuditTrail audit;
    private final int minCellSize;

    public ResearchAnswers(CollaborationLogStore store, IndicatorCalculator indicators, FidelityCalculator fidelity,
            PairPictureCalculator pairs, ReleaseLedger ledger, AuditTrail audit, int minCellSize) {
        this.store = store;
        this.indicators = indicators;
        this.fidelity = fidelity;
        this.pairs = pairs;
        this.ledger = ledger;
        this.audit = audit;
        this.minCellSize = minCellSize;
    }

    /** The indicators of the period per team, NAV office or month, audited as {@code action}. */
    public PublishedIndicators indicators(String caller, String action, HttpServletRequest request, String from, String to,
            String groupBy) {
        Period period = Period.parse(from, to);
        GroupBy grouping = QueryParameters.groupBy(groupBy);
        IndicatorTable table = indicators.compute(store.upTo(period.to()), period.from(), period.to(), grouping, today());
        return ledger.release(caller, PublishedIndicators.grids(table),
                release -> PublishedIndicators.of(table, minCellSize, release.results()), action, describe(request),
                p -> p.cells().size());
    }

    /** The IPS-25 evidence of the period per team, audited as {@code action}. */
    public PublishedFidelity fidelity(String caller, String action, HttpServletRequest request, String from, String to) {
        Period period = Period.parse(from, to);
        FidelityTable table = fidelity.compute(store.upTo(period.to()), period.from(), period.to(), today());
        return ledger.release(caller, PublishedFidelity.grids(table),
                release -> PublishedFidelity.of(table, minCellSize, release.results()), action, describe(request),
                p -> p.teams().size() * (long) p.items().size());
    }

    /** The collaboration picture per pair and month, audited as {@code action}. */
    public PublishedPairs pairs(String caller, String action, HttpServletRequest request, String from, String to) {
        Period period = Period.parse(from, to);
        PairTable table = pairs.compute(store.upTo(period.to()), period.from(), period.to(), today());
        return ledger.release(caller, PublishedPairs.grids(table),
                release -> PublishedPairs.of(table, minCellSize, release.results()), action, describe(request),
                p -> p.cells().size());
    }

    /** The timelines of one pair's cases, audited as {@code action}. */
    public PairTimelines timelines(String caller, String action, HttpServletRequest request, String team, String navOffice,
            String from, String to) {
        Period period = Period.parse(from, to);
        if (team == null || team.isBlank() || navOffice == null || navOffice.isBlank()) {
            throw new BadQueryException("team and navOffice are required");
        }
        PairTimelines timelines = PairTimelines.of(store.upTo(period.to()), team.strip(), navOffice.strip(), period.from(),
                period.to(), minCellSize);
        audit.append(caller, action, describe(request), timelines.cases().size());
        return timelines;
    }

    static String describe(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A period of the aggregate answers: both days required, from not after to. */
    record Period(LocalDate from, LocalDate to) {

        static Period parse(String from, String to) {
            LocalDate start = QueryParameters.requiredDate("from", from);
            LocalDate end = QueryParameters.requiredDate("to", to);
            if (start.isAfter(end)) {
                throw new BadQueryException("from must not be after to");
            }
            return new Period(start, end);
        }
    }
}

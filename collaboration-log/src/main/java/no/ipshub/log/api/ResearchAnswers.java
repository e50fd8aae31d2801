package no.ipshub.log.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.disclosure.ReleaseLedger;
import no.ipshub.log.fidelity.FidelityCalculator;
import no.ipshub.log.fidelity.FidelityTable;
import no.ipshub.log.fidelity.PublishedFidelity;
import no.ipshub.log.indicators.GroupBy;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.indicators.IndicatorTable;
import no.ipshub.log.indicators.PublishedIndicators;
import no.ipshub.log.indicators.TeamRosters;
import no.ipshub.log.pairs.PairPictureCalculator;
import no.ipshub.log.pairs.PairTable;
import no.ipshub.log.pairs.PairTimelines;
import no.ipshub.log.pairs.PublishedPairs;
import no.ipshub.log.roster.TeamRosterStore;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.survival.PublishedTimeToEvent;
import no.ipshub.log.survival.TimeToEventCalculator;
import no.ipshub.log.survival.TimeToEventGrouping;
import no.ipshub.log.survival.TimeToEventTable;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * The aggregate answers of the research API, shared by its JSON, CSV and Parquet forms and the research page: parses
 * the period, computes from the caller's project (over the caller's scope), lets the {@link ReleaseLedger} decide
 * what may be shown to the caller's audience (small cells, secondary suppression, arithmetic against earlier answers)
 * and audits the answer before it is returned.
 */
public class ResearchAnswers {


    private final CollaborationLogEntries store;
    private final IndicatorCalculator indicators;
    private final FidelityCalculator fidelity;
    private final PairPictureCalculator pairs;
    private final TimeToEventCalculator timeToEvent;
    private final ReleaseLedger ledger;
    private final AuditTrail audit;
    private final TeamRosterStore rosters;
    private final Clock clock;

    public ResearchAnswers(CollaborationLogEntries store, IndicatorCalculator indicators, FidelityCalculator fidelity,
            PairPictureCalculator pairs, TimeToEventCalculator timeToEvent, ReleaseLedger ledger, AuditTrail audit,
            TeamRosterStore rosters, Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.fidelity = fidelity;
        this.pairs = pairs;
        this.timeToEvent = timeToEvent;
        this.ledger = ledger;
        this.audit = audit;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** The indicators of the period per team, NAV office or month, audited as {@code action}. */
    public PublishedIndicators indicators(ResearchCaller caller, String action, HttpServletRequest request, String from,
            String to, String groupBy) {
        Period period = Period.parse(from, to);
        GroupBy grouping = QueryParameters.groupBy(groupBy);
        // a team's roster counts only for a caller who sees every case of the team
        TeamRosters teamRosters = rosters.of(caller.project().code()).of(caller.scope()::coversTeam);
        IndicatorTable table = indicators.compute(entries(caller, period), period.from(), period.to(), grouping, today(),
                teamRosters);
        int k = caller.project().minCellSize();
        return ledger.release(caller.audience(), PublishedIndicators.grids(table),
                release -> PublishedIndicators.of(table, k, release.results()), action, describe(request),
                p -> p.cells().size());
    }

    /** The IPS-25 evidence of the period per team, audited as {@code action}. */
    public PublishedFidelity fidelity(ResearchCaller caller, String action, HttpServletRequest request, String from,
            String to) {
        Period period = Period.parse(from, to);
        FidelityTable table = fidelity.compute(entries(caller, period), period.from(), period.to(), today());
        int k = caller.project().minCellSize();
        return ledger.release(caller.audience(), PublishedFidelity.grids(table),
                release -> PublishedFidelity.of(table, k, release.results()), action, describe(request),
                p -> p.teams().size() * (long) p.items().size());
    }

    /** The collaboration picture per pair and month, audited as {@code action}. */
    public PublishedPairs pairs(ResearchCaller caller, String action, HttpServletRequest request, String from, String to) {
        Period period = Period.parse(from, to);
        PairTable table = pairs.compute(entries(caller, period), period.from(), period.to(), today());
        int k = caller.project().minCellSize();
        return ledger.release(caller.audience(), PublishedPairs.grids(table),
                release -> PublishedPairs.of(table, k, release.results()), action, describe(request),
                p -> p.cells().size());
    }

    /** Time to the first competitive job and job tenure, per team, NAV office or pair, audited as {@code action}. */
    public PublishedTimeToEvent timeToEvent(ResearchCaller caller, String action, HttpServletRequest request, String from,
            String to, String groupBy) {
        Period period = Period.parse(from, to);
        TimeToEventGrouping grouping = QueryParameters.timeToEventGrouping(groupBy);
        TimeToEventTable table = timeToEvent.compute(entries(caller, period), period.from(), period.to(), grouping, today());
        int k = caller.project().minCellSize();
        return ledger.release(caller.audience(), PublishedTimeToEvent.grids(table),
                release -> PublishedTimeToEvent.of(table, caller.project().code(), k, release.results()), action,
                describe(request), p -> p.cells().size());
    }

    /** The timelines of one pair's cases, audited as {@code action}. */
    public PairTimelines timelines(ResearchCaller caller, String action, HttpServletRequest request, String team,
            String navOffice, String from, String to) {
        Period period = Period.parse(from, to);
        if (team == null || team.isBlank() || navOffice == null || navOffice.isBlank()) {
            throw new BadQueryException("team and navOffice are required");
        }
        PairTimelines timelines = PairTimelines.of(entries(caller, period), team.strip(), navOffice.strip(), period.from(),
                period.to(), caller.project().minCellSize());
        audit.append(caller.name(), action, describe(request), timelines.cases().size(), caller.project().code());
        return timelines;
    }

    /** The project's entries up to the period's end, of the cases in the caller's scope. */
    private List<CollaborationLogEntry> entries(ResearchCaller caller, Period period) {
        List<CollaborationLogEntry> all = store.upTo(caller.project().code(), period.to());
        if (caller.scope().everything()) {
            return all;
        }
        return all.stream().filter(e -> caller.scope().covers(e.getTeam(), e.getNavOffice())).toList();
    }

    static String describe(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Today in Norway: the last day a period may reach. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), HubZone.NORWAY);
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

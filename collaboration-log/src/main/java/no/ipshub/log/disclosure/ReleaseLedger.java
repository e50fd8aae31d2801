package no.ipshub.log.disclosure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.suppression.SmallCellSuppressor.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out aggregate answers to researchers under {@link DisclosureControl}, remembering per researcher and
 * measure the participant sets of every cell shown (table {@code research_release}), so that a later answer cannot
 * be subtracted from an earlier one to single out a small group. The check, the record of what was shown and the
 * audit row are one transaction, serialised per researcher by a row lock, so two answers asked for at once are
 * checked against each other too.
 */
public class ReleaseLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DisclosureControl control;
    private final AuditTrail audit;
    private final Clock clock;

    public ReleaseLedger(JdbcTemplate jdbc, TransactionTemplate transactions, DisclosureControl control, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.control = control;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an answer may show: the suppression of each grid, in the order given. */
    public record Release(List<Result> results, int differencing) {
    }

    /**
     * Decides what the answer shows, records it for the researcher, builds the answer and audits it.
     *
     * @param researcher the authenticated researcher
     * @param grids      the answer's measures
     * @param answer     builds the answer from the decision
     * @param action     the audit action, e.g. {@code INDICATORS_READ}
     * @param query      the request, for the audit trail
     * @param rows       how many rows the answer hands out, for the audit trail
     */
    public <T> T release(String researcher, List<MeasureGrid> grids, Function<Release, T> answer, String action, String query,
            ToLongFunction<T> rows) {
        return transactions.execute(status -> {
            lock(researcher);
            DisclosureControl.Decision decision = control.decide(grids, earlier(researcher, grids));
            record(researcher, decision.shown());
            T built = answer.apply(new Release(decision.results(), decision.differencing()));
            audit.append(researcher, action, query + (decision.differencing() == 0 ? ""
                    : " (blanked against earlier answers: " + decision.differencing() + ")"), rows.applyAsLong(built));
            return built;
        });
    }

    private void lock(String researcher) {
        jdbc.update("INSERT INTO research_release_owner (researcher) VALUES (?) ON CONFLICT DO NOTHING", researcher);
        jdbc.queryForList("SELECT researcher FROM research_release_owner WHERE researcher = ? FOR UPDATE", String.class,
                researcher);
    }

    private DisclosureControl.Earlier earlier(String researcher, List<MeasureGrid> grids) {
        Set<String> measures = new LinkedHashSet<>();
        grids.forEach(g -> measures.add(g.measure()));
        Map<String, List<Known>> known = new HashMap<>();
        for (String measure : measures) {
            jdbc.query("SELECT fingerprint, participants FROM research_release WHERE researcher = ? AND measure = ?",
                    rs -> {
                        known.computeIfAbsent(measure, m -> new ArrayList<>())
                                .add(new Known(rs.getString("fingerprint"), rs.getInt("participants")));
                    }, researcher, measure);
        }
        Map<String, ParticipantSet> loaded = new HashMap<>();
        int threshold = control.minCellSize();
        return (measure, size) -> {
            List<ParticipantSet> near = new ArrayList<>();
            for (Known k : known.getOrDefault(measure, List.of())) {
                int gap = Math.abs(k.participants() - size);
                if (gap > 0 && gap < threshold) {
                    near.add(loaded.computeIfAbsent(measure + '/' + k.fingerprint(), key -> ParticipantSet.fromBytes(
                            jdbc.queryForObject("SELECT members FROM research_release WHERE researcher = ? AND measure = ? "
                                    + "AND fingerprint = ?", byte[].class, researcher, measure, k.fingerprint()))));
                }
            }
            return near;
        };
    }

    private void record(String researcher, List<DisclosureControl.Shown> shown) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, DisclosureControl.Shown> distinct = new HashMap<>();
        shown.forEach(s -> distinct.putIfAbsent(s.measure() + '/' + s.participants().fingerprint(), s));
        List<DisclosureControl.Shown> rows = List.copyOf(distinct.values());
        jdbc.batchUpdate("INSERT INTO research_release (researcher, measure, fingerprint, participants, members, released_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows, rows.size(), (ps, s) -> {
                    ps.setString(1, researcher);
                    ps.setString(2, s.measure());
                    ps.setString(3, s.participants().fingerprint());
                    ps.setInt(4, s.participants().size());
                    ps.setBytes(5, s.participants().toBytes());
                    ps.setObject(6, now);
                });
    }

    private record Known(String fingerprint, int participants) {
    }
}

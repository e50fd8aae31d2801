package no.ipshub.log.disclosure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.suppression.SmallCellSuppressor.Result;
import no.ipshub.log.suppression.SmallCellSuppressor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out aggregate answers under {@link DisclosureControl}, remembering per audience and statistic the
 * participant sets of the values shown (table {@code research_release}), so that no later answer can be combined
 * with earlier ones to single out a small group. Only the sets that added to what the audience can work out are
 * marked {@code basis} and read back for later checks; the others are combinations of them. The check, the record
 * of what was shown and the audit row are one transaction, serialised per audience by a row lock, so answers asked
 * for at once are checked against each other too.
 */
public class ReleaseLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxSteps;

    public ReleaseLedger(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock, long maxSteps) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.maxSteps = maxSteps;
    }

    /** What an answer may show: the suppression of each grid, in the order given. */
    public record Release(List<Result> results, int differencing) {
    }

    /**
     * Who an answer is for.
     *
     * @param ledger      whose record of what was shown it is checked against: a researcher on a project, a
     *                    project's publication-safe tables, a table reader
     * @param actor       the authenticated caller, for the audit trail
     * @param project     the research project, for the audit trail
     * @param minCellSize the project's threshold
     */
    public record Audience(String ledger, String actor, String project, int minCellSize) {
    }

    /**
     * Decides what the answer shows, records it for the audience, builds the answer and audits it.
     *
     * @param audience who the answer is for
     * @param grids    the answer's measures
     * @param answer   builds the answer from the decision
     * @param action   the audit action, e.g. {@code INDICATORS_READ}
     * @param query    the request, for the audit trail
     * @param rows     how many rows the answer hands out, for the audit trail
     */
    public <T> T release(Audience audience, List<MeasureGrid> grids, Function<Release, T> answer, String action, String query,
            ToLongFunction<T> rows) {
        DisclosureControl control = new DisclosureControl(new SmallCellSuppressor(audience.minCellSize()), maxSteps);
        return transactions.execute(status -> {
            lock(audience.ledger());
            DisclosureControl.Decision decision = control.decide(grids, earlier(audience.ledger()));
            record(audience.ledger(), decision.shown());
            T built = answer.apply(new Release(decision.results(), decision.differencing()));
            String note = (decision.differencing() == 0 ? "" : " (blanked against earlier answers: " + decision.differencing() + ")")
                    + (decision.exhausted() == 0 ? "" : " (audits over their work bound: " + decision.exhausted() + ")");
            audit.append(audience.actor(), action, query + note, rows.applyAsLong(built), audience.project());
            return built;
        });
    }

    private void lock(String ledger) {
        jdbc.update("INSERT INTO research_release_owner (researcher) VALUES (?) ON CONFLICT DO NOTHING", ledger);
        jdbc.queryForList("SELECT researcher FROM research_release_owner WHERE researcher = ? FOR UPDATE", String.class,
                ledger);
    }

    private DisclosureControl.Earlier earlier(String ledger) {
        Map<String, List<ParticipantSet>> loaded = new HashMap<>();
        return statistic -> loaded.computeIfAbsent(statistic, s -> jdbc.query(
                "SELECT members FROM research_release WHERE researcher = ? AND measure = ? AND basis = TRUE "
                        + "ORDER BY released_at, fingerprint",
                (rs, n) -> ParticipantSet.fromBytes(rs.getBytes("members")), ledger, s));
    }

    private void record(String ledger, List<DisclosureControl.Shown> shown) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, DisclosureControl.Shown> distinct = new HashMap<>();
        // a set that added to the space is kept as such, even when the same set is shown elsewhere as a combination
        shown.forEach(s -> distinct.merge(s.statistic() + '/' + s.participants().fingerprint(), s,
                (a, b) -> a.basis() ? a : b));
        List<DisclosureControl.Shown> rows = List.copyOf(distinct.values());
        jdbc.batchUpdate("INSERT INTO research_release (researcher, measure, fingerprint, participants, members, released_at, "
                + "basis) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows, rows.size(), (ps, s) -> {
                    ps.setString(1, ledger);
                    ps.setString(2, s.statistic());
                    ps.setString(3, s.participants().fingerprint());
                    ps.setInt(4, s.participants().size());
                    ps.setBytes(5, s.participants().toBytes());
                    ps.setObject(6, now);
                    ps.setBoolean(7, s.basis());
                });
    }
}

package no.ipshub.routes.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.ipshub.routes.validation.CaseParties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case parties table ({@code case_party}): which team and NAV office share each case. Fed when the hub
 * accepts a referral, read when it validates follow-ups and outcomes, so the check survives restarts.
 */
@Repository
public class CasePartyStore implements CaseParties {

    private static final String INSERT = "INSERT INTO case_party"
            + " (case_id, team, nav_office, opened_by_message_id, opened_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public CasePartyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public boolean areParties(String caseId, String partnerA, String partnerB) {
        return find(List.of(caseId)).getOrDefault(caseId, List.of()).stream()
                .anyMatch(o -> o.isSharedBy(partnerA, partnerB));
    }

    /** The openings of these cases, by case id; cases never opened are absent. */
    public Map<String, List<CaseOpening>> find(Collection<String> caseIds) {
        Map<String, List<CaseOpening>> byCase = new HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        named.query("SELECT case_id, team, nav_office, opened_by_message_id FROM case_party WHERE case_id IN (:ids)",
                Map.of("ids", List.copyOf(caseIds)),
                rs -> {
                    CaseOpening o = new CaseOpening(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    byCase.computeIfAbsent(o.caseId(), k -> new ArrayList<>()).add(o);
                });
        return byCase;
    }

    /** Records the openings; an opening already recorded is left as it is. Joins the caller's transaction. */
    public void record(List<CaseOpening> openings, Instant at) {
        if (openings.isEmpty()) {
            return;
        }
        OffsetDateTime ts = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT, openings, openings.size(), (ps, o) -> {
            ps.setString(1, o.caseId());
            ps.setString(2, o.team());
            ps.setString(3, o.navOffice());
            ps.setString(4, o.messageId());
            ps.setObject(5, ts);
        });
    }
}

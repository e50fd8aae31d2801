package no.ipshub.log.fidelity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reviewers' IPS-25 scores in the database ({@code fidelity_review}), per project. */
public class FidelityReviewStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FidelityReviewStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the reviews; a review of the same team and day is replaced. Runs in the caller's transaction. */
    public void put(String project, List<FidelityReview> reviews, String importedBy) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (FidelityReview r : reviews) {
            jdbc.update("DELETE FROM fidelity_review WHERE project = ? AND team = ? AND review_date = ?", project, r.team(),
                    r.reviewDate());
            List<Map.Entry<Integer, Integer>> scores = new ArrayList<>(r.scores().entrySet());
            jdbc.batchUpdate("INSERT INTO fidelity_review (project, team, review_date, item, score, imported_at, imported_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", scores, scores.size(), (ps, s) -> {
                        ps.setString(1, project);
                        ps.setString(2, r.team());
                        ps.setObject(3, r.reviewDate());
                        ps.setInt(4, s.getKey());
                        ps.setInt(5, s.getValue());
                        ps.setObject(6, now);
                        ps.setString(7, importedBy);
                    });
        }
    }

    /** Per team, the project's latest review dated in {@code [from, to]}. */
    public Map<String, FidelityReview> latest(String project, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Map<Integer, Integer>>> all = new HashMap<>();
        jdbc.query("SELECT team, review_date, item, score FROM fidelity_review WHERE project = ? AND review_date >= ? "
                + "AND review_date <= ?", rs -> {
                    all.computeIfAbsent(rs.getString("team"), t -> new TreeMap<>())
                            .computeIfAbsent(rs.getObject("review_date", LocalDate.class), d -> new TreeMap<>())
                            .put(rs.getInt("item"), rs.getInt("score"));
                }, project, from, to);
        Map<String, FidelityReview> latest = new TreeMap<>();
        all.forEach((team, byDate) -> {
            LocalDate last = ((TreeMap<LocalDate, Map<Integer, Integer>>) byDate).lastKey();
            latest.put(team, new FidelityReview(team, last, byDate.get(last)));
        });
        return latest;
    }
}

package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.util.Map;

/**
 * A fidelity review of one team: the reviewers' scores of all 25 IPS-25 items on one day.
 *
 * @param team       the treatment team's partner id
 * @param reviewDate the day of the review
 * @param scores     item number (1-25) to score (1-5), all 25 items
 */
public record FidelityReview(String team, LocalDate reviewDate, Map<Integer, Integer> scores) {

    public FidelityReview {
        scores = Map.copyOf(scores);
    }

    /** The total score, 25 to 125. */
    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}

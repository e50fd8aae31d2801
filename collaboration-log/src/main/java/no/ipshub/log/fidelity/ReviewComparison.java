package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.ipshub.log.suppression.Suppression;

/**
 * The reviewers' IPS-25 scores beside the event evidence of the same period, per team that has a review in it: each
 * item's score, the anchor the events reach (where they can evidence the item and the value is shown), and their
 * difference (events minus review). Reviews are team assessments, not participant data, so they are shown whole; the
 * event anchors are those of the published, suppressed evidence.
 *
 * @param from    first day of the period
 * @param to      last day of the period
 * @param project the research project
 * @param teams   one per team with a review dated in the period, by name
 */
public record ReviewComparison(LocalDate from, LocalDate to, String project, List<Team> teams) {

    /**
     * One team's latest review in the period.
     *
     * @param team        the treatment team
     * @param reviewDate  the day of the review
     * @param total       the review's total score, 25 to 125
     * @param items       all 25 items
     */
    public record Team(String team, LocalDate reviewDate, int total, List<Item> items) {
    }

    /**
     * One item.
     *
     * @param number      1-25
     * @param id          the item's id
     * @param score       the reviewers' score 1-5
     * @param eventAnchor the anchor the events reach; null when events cannot evidence the item or the value is blank
     * @param difference  eventAnchor minus score; null without an event anchor
     */
    public record Item(int number, String id, int score, Integer eventAnchor, Integer difference) {
    }

    /** Puts each review beside the evidence of its team. */
    public static ReviewComparison of(PublishedFidelity evidence, String project, Map<String, FidelityReview> reviews) {
        List<Team> teams = new ArrayList<>();
        reviews.forEach((team, review) -> {
            PublishedFidelity.Team shown = evidence.teams().stream().filter(t -> t.team().equals(team)).findFirst().orElse(null);
            List<Item> items = new ArrayList<>();
            for (FidelityItem item : FidelityItem.values()) {
                int score = review.scores().get(item.number());
                Integer anchor = null;
                if (shown != null) {
                    PublishedFidelity.Score s = shown.items().get(item.number() - 1);
                    anchor = s.suppression() == Suppression.NONE ? s.anchor() : null;
                }
                items.add(new Item(item.number(), item.id(), score, anchor, anchor == null ? null : anchor - score));
            }
            teams.add(new Team(team, review.reviewDate(), review.total(), List.copyOf(items)));
        });
        return new ReviewComparison(evidence.from(), evidence.to(), project, List.copyOf(teams));
    }
}

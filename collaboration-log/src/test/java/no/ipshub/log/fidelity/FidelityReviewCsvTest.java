package no.ipshub.log.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FidelityReviewCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    /** A review of all 25 items, item n scored n % 5 + 1. */
    static String review(String team, String date) {
        return IntStream.rangeClosed(1, 25).mapToObj(n -> team + "," + date + "," + n + "," + (n % 5 + 1))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void reviewOfAllItemsIsReadWithItsTotal() {
        FidelityReviewCsv.Parsed parsed = FidelityReviewCsv.parse("team,reviewDate,item,score\n"
                + review("haukeland-tsb", "2025-03-01") + "\n", TODAY);

        assertThat(List.of(parsed.problems().size(), parsed.reviews().get(0).total())).containsExactly(0, 75);
    }

    @Test
    void reviewMissingAnItemIsRefusedWhole() {
        String text = "team,reviewDate,item,score\n" + review("haukeland-tsb", "2025-03-01").lines().skip(1)
                .collect(Collectors.joining("\n"));

        FidelityReviewCsv.Parsed parsed = FidelityReviewCsv.parse(text, TODAY);

        assertThat(List.of(parsed.reviews().isEmpty(), parsed.problems().get(0)))
                .containsExactly(true, "the review of haukeland-tsb on 2025-03-01 scores 24 items, not all 25");
    }

    @Test
    void scoreOutsideOneToFiveIsNamedByItsLine() {
        String text = "team,reviewDate,item,score\n" + review("haukeland-tsb", "2025-03-01").replace(",2,3", ",2,7");

        assertThat(FidelityReviewCsv.parse(text, TODAY).problems()).contains("line 3: score must be 1 to 5");
    }

    @Test
    void reviewDatedAheadIsRefused() {
        assertThat(FidelityReviewCsv.parse("team,reviewDate,item,score\n" + review("haukeland-tsb", "2025-07-01"), TODAY)
                .problems()).hasSize(25).allMatch(p -> p.endsWith("reviewDate must not lie ahead"));
    }

    @Test
    void fileWithoutTheHeaderIsRefused() {
        assertThat(FidelityReviewCsv.parse(review("haukeland-tsb", "2025-03-01"), TODAY).problems())
                .containsExactly("line 1: the header must be team,reviewDate,item,score");
    }
}

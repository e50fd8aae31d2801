package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ipshub.log.codebook.Codebook;
import org.junit.jupiter.api.Test;

/* The codebook describes exactly the columns the CSV exports write, in their order. */
class CodebookColumnsTest {

    private static List<String> columns(String dataset) {
        return Codebook.CURRENT.dataset(dataset).columns().stream().map(Codebook.Column::name).toList();
    }

    @Test
    void entriesCsvHasTheCodebooksColumns() {
        assertThat(EntryView.COLUMNS).isEqualTo(columns("entries"));
    }

    @Test
    void tableCsvsHaveTheCodebooksColumns() {
        assertThat(List.of(ResearchExportController.INDICATOR_COLUMNS, ResearchExportController.FIDELITY_COLUMNS,
                ResearchExportController.PAIR_COLUMNS, ResearchExportController.TIME_TO_EVENT_COLUMNS))
                .isEqualTo(List.of(columns("indicators"), columns("fidelity"), columns("pairs"), columns("time-to-event")));
    }
}

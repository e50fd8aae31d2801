package no.ipshub.log.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.ipshub.log.indicators.Indicator;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CodebookTest {

    private final Codebook.Dataset entries = Codebook.CURRENT.dataset("entries");

    private Codebook.Column column(Codebook.Dataset dataset, String name) {
        return dataset.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyFieldOfTheLogEntryContractIsAColumnWithItsDoc() {
        List<String> docs = CollaborationLogEntry.getClassSchema().getFields().stream().map(Schema.Field::doc).toList();

        assertThat(entries.columns().stream().map(Codebook.Column::meaning).toList()).isEqualTo(docs);
    }

    @Test
    void enumCodesAreLabelledFromTheirContractsDoc() {
        assertThat(column(entries, "closureReason").values()).contains(
                new Codebook.Value("WORKING", "in stable work, follow-along support ended"));
    }

    @Test
    void wageHasItsUnitAndDecimalType() {
        Codebook.Column wage = column(entries, "hourlyWage");

        assertThat(List.of(wage.type(), wage.unit())).containsExactly("decimal(9,2)", "NOK per hour, gross");
    }

    @Test
    void indicatorColumnListsEveryIndicator() {
        assertThat(column(Codebook.CURRENT.dataset("indicators"), "indicator").values()).extracting(Codebook.Value::value)
                .containsExactly(java.util.Arrays.stream(Indicator.values()).map(Indicator::id).toArray(String[]::new));
    }

    @Test
    void tableValuesSayWhichRuleCanBlankThemAndRowsSayNone() {
        assertThat(List.of(column(Codebook.CURRENT.dataset("time-to-event"), "value").blankedBy() != null,
                column(entries, "hoursPerWeek").blankedBy() == null)).containsExactly(true, true);
    }

    @Test
    void markdownHasASectionPerExport() {
        assertThat(CodebookDocuments.markdown(Codebook.CURRENT))
                .contains("## entries", "## indicators", "## fidelity", "## pairs", "## time-to-event");
    }
}

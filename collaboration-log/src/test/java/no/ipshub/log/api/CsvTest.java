package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldWithCommaOrQuoteIsQuoted() throws Exception {
        StringWriter out = new StringWriter();

        Csv.line(out, List.of("a,b", "say \"hi\"", "plain"));

        assertThat(out).hasToString("\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
    }

    @Test
    void fieldASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).startsWith("\"'=");
    }
}

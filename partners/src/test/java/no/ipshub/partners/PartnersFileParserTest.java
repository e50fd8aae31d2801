package no.ipshub.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;

class PartnersFileParserTest {

    private static List<Partner> parse(String yaml) {
        return PartnersFileParser.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static final String VALID = """
            partners:
              - id: haukeland-tsb
                name: Haukeland universitetssjukehus, TSB
                sector: HEALTH
                organisation: "983974724"
                apiKeyHashes: ["pbkdf2$1$abc"]
              - id: nav-bergenhus
                name: NAV Bergenhus
                sector: NAV
                organisation: "1203"
                apiKeyHashes: []
            """;

    @Test
    void validFileGivesThePartnersInTheirOrder() {
        assertThat(parse(VALID)).containsExactly(
                new Partner("haukeland-tsb", "Haukeland universitetssjukehus, TSB", Sector.HEALTH, "983974724",
                        List.of("pbkdf2$1$abc")),
                new Partner("nav-bergenhus", "NAV Bergenhus", Sector.NAV, "1203", List.of()));
    }

    @Test
    void organisationNumberWithWrongControlDigitNamesTheEntryAndField() {
        String yaml = VALID.replace("983974724", "983974725");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(PartnersFileException.class)
                .satisfies(e -> assertThat(((PartnersFileException) e).problems()).singleElement().asString()
                        .startsWith("partners[0].organisation:"));
    }

    @Test
    void navOfficeWithNineDigitUnitNumberIsRejected() {
        String yaml = VALID.replace("\"1203\"", "\"983974724\"");

        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("partners[1].organisation: not a valid NAV unit number");
    }

    @Test
    void sectorOtherThanHealthOrNavIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("sector: NAV", "sector: SCHOOL")))
                .hasMessageContaining("partners[1].sector: must be HEALTH or NAV");
    }

    @Test
    void partnerListedTwiceIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("id: nav-bergenhus", "id: haukeland-tsb")))
                .hasMessageContaining("partners[1].id: 'haukeland-tsb' is listed more than once");
    }

    @Test
    void idThatCannotNameATopicIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("id: nav-bergenhus", "id: NAV Bergenhus")))
                .hasMessageContaining("partners[1].id:");
    }

    @Test
    void idThatStartsLikeTheHubsOwnConsumerGroupsIsRejected() {
        assertThatThrownBy(() -> parse(VALID.replace("id: nav-bergenhus", "id: ips-hub-ingress")))
                .hasMessageContaining("partners[1].id: 'ips-hub-ingress'")
                .hasMessageContaining("not starting with ips-hub");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = VALID.replace("983974724", "1").replace("sector: NAV", "sector: X").replace("    name: NAV Bergenhus\n", "");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(PartnersFileException.class)
                .satisfies(e -> assertThat(((PartnersFileException) e).problems()).containsExactly(
                        "partners[0].organisation: not a valid organisation number (nine digits, mod-11 control digit)",
                        "partners[1].name: required",
                        "partners[1].sector: must be HEALTH or NAV, was 'X'"));
    }

    @Test
    void fileWithoutPartnersListIsRejected() {
        assertThatThrownBy(() -> parse("teams: []")).hasMessageContaining("expected a top-level 'partners:' list");
    }

    @Test
    void fileThatIsNotYamlIsRejectedWithItsName() {
        assertThatThrownBy(() -> parse("partners: [ {id: a")).hasMessageContaining("test.yml is not valid YAML");
    }
}

package no.ipshub.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ipshub.connectors.nhn.NhnAddress;
import no.ipshub.partners.Partner;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.schemas.bounds.ContractBounds;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.Test;

class ContractSheetTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

    private static ContractSheet sheetOf(String partnerId, String counterpart) {
        Partner partner = TestPartners.directory().find(partnerId).orElseThrow();
        return new ContractSheet(partner, counterpart, HubTopics.defaults(), "https://hub.example",
                "kafka-1.example:9093", "https://registry.example", 262144, List.of("maskinporten"));
    }

    private static List<HubMessage> examples(String markdown) {
        List<HubMessage> messages = new ArrayList<>();
        Matcher m = JSON_BLOCK.matcher(markdown);
        while (m.find()) {
            messages.add(new HubMessageJson().fromJson(m.group(1)));
        }
        return messages;
    }

    @Test
    void everyExampleMessageOfATreatmentTeamPassesTheHubsChecks() {
        IngressValidator validator = new IngressValidator(TestPartners.directory(), CLOCK, Duration.ofMinutes(5));

        List<HubMessage> messages = examples(sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).markdown());

        assertThat(messages).hasSize(3).allSatisfy(m ->
                assertThat(validator.validate(m, TestPartners.TEAM, (c, a, b) -> true)).isEmpty());
    }

    @Test
    void everyExampleMessageOfANavOfficePassesTheHubsChecks() {
        IngressValidator validator = new IngressValidator(TestPartners.directory(), CLOCK, Duration.ofMinutes(5));

        List<HubMessage> messages = examples(sheetOf(TestPartners.NAV_OFFICE, TestPartners.TEAM).document(CLOCK).markdown());

        assertThat(messages).hasSize(3).allSatisfy(m ->
                assertThat(validator.validate(m, TestPartners.NAV_OFFICE, (c, a, b) -> true)).isEmpty());
    }

    @Test
    void theSheetNamesThePartnersTopicsSubjectsAndReadCommitted() {
        String markdown = sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).markdown();

        assertThat(markdown).contains("ips.ingress.haukeland-tsb-v1", "ips.inbox.haukeland-tsb-v1",
                "ips.ingress.haukeland-tsb-v1-value", "isolation.level=read_committed", "?dryRun=true");
    }

    @Test
    void theSheetListsTheBoundOfEveryFieldAsTheHubEnforcesIt() {
        String markdown = sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).markdown();

        assertThat(ContractBounds.all()).allSatisfy(bound -> assertThat(markdown)
                .contains("| `" + bound.field() + "` | ")
                .contains(" | " + bound.maxLength() + " | " + bound.describe().replace("|", "\\|") + " |"));
    }

    @Test
    void theSheetNamesTheOnlyConsumerGroupsThePartnerMayUse() {
        String markdown = sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).markdown();

        assertThat(markdown).contains("group.id=haukeland-tsb-inbox", "`haukeland-tsb-inbox`", "`haukeland-tsb.`")
                .doesNotContain("whose names start with `haukeland-tsb`");
    }

    @Test
    void theSheetShowsThePartnersHerIdsOnNorskHelsenett() {
        Partner partner = TestPartners.directory().find(TestPartners.TEAM).orElseThrow();
        ContractSheet sheet = new ContractSheet(partner, TestPartners.NAV_OFFICE, HubTopics.defaults(),
                "https://hub.example", "kafka-1.example:9093", "https://registry.example", 262144, List.of(),
                new NhnAddress(TestPartners.TEAM, 990011, 990001L, true), 990099L);

        assertThat(sheet.document(CLOCK).markdown()).contains("| your HER-id (communication party) | `990011` |",
                "| your organisation's HER-id | `990001` |", "| the hub's HER-id | `990099` |", "/api/v1/nhn/messages");
    }

    @Test
    void aPartnerWithoutAHerIdIsToldHowToGetOne() {
        assertThat(sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).markdown())
                .contains("You have no HER-id on this hub", "PUT /api/v1/ops/partners/haukeland-tsb/nhn");
    }

    @Test
    void theHtmlFormEscapesWhatItShows() {
        String html = sheetOf(TestPartners.TEAM, TestPartners.NAV_OFFICE).document(CLOCK).html("sheet");

        assertThat(html).contains("<h1>", "<code>ips.inbox.haukeland-tsb-v1</code>", "&quot;sender&quot;")
                .doesNotContain("\"sender\"");
    }
}

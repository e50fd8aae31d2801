package no.ipshub.connectors.nhn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import no.ipshub.connectors.nhn.NhnConversationStore.Conversation;
import no.ipshub.connectors.nhn.NhnDeliveryStore.Claimed;
import no.ipshub.connectors.nhn.NhnDeliveryStore.NewDelivery;
import no.ipshub.connectors.nhn.NhnDeliveryStore.State;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the Norsk helsenett tables promise, run on each database the hub supports: each subclass supplies a
 * fresh, empty database and the modules' Flyway migrations create the tables.
 */
abstract class NhnStoreContract {

    static final Instant NOW = Instant.parse("2025-03-05T10:00:00Z");
    static final String MESSAGE = "7c2e4d10-95ab-4f0e-b7a1-0d3c5e6f7a82";

    NhnAddressStore addresses;
    NhnConversationStore conversations;
    NhnDeliveryStore deliveries;

    abstract DataSource dataSource();

    /** The schema Flyway migrates; null for the connection's default. */
    String schema() {
        return null;
    }

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema());
        }
        flyway.load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        addresses = new NhnAddressStore(jdbc);
        conversations = new NhnConversationStore(jdbc);
        deliveries = new NhnDeliveryStore(jdbc);
    }

    private long queued() {
        deliveries.enqueue(List.of(new NewDelivery("haukeland-tsb", MESSAGE, "case-1", 990011, "ips.inbox.haukeland-tsb-v1",
                0, 42, new byte[] {0, 1, 2})), NOW);
        return deliveries.due(NOW, 10).get(0);
    }

    @Test
    void anAddressIsFoundByPartnerAndByHerIdAndReplacedByAPut() {
        addresses.put(new NhnAddress("haukeland-tsb", 990011, 990001L, false), NOW);
        addresses.put(new NhnAddress("haukeland-tsb", 990012, null, true), NOW);

        assertThat(addresses.ofHerId(990012)).contains(new NhnAddress("haukeland-tsb", 990012, null, true));
        assertThat(addresses.ofHerId(990011)).isEmpty();
    }

    @Test
    void aHerIdNamesOnePartnerAtMost() {
        addresses.put(new NhnAddress("haukeland-tsb", 990011, null, false), NOW);

        assertThatThrownBy(() -> addresses.put(new NhnAddress("unn-ips", 990011, null, false), NOW))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aConversationOpenedTwiceKeepsItsFirstCase() {
        conversations.open(new Conversation("msg-1", "case-1", "haukeland-tsb", "nav-bergenhus"), NOW);
        conversations.open(new Conversation("msg-1", "case-2", "haukeland-tsb", "nav-bergenhus"), NOW);

        assertThat(conversations.find("msg-1")).map(Conversation::caseId).contains("case-1");
    }

    @Test
    void theFirstConversationOfACaseWithAPartnerIsFound() {
        conversations.open(new Conversation("msg-1", "case-1", "haukeland-tsb", "nav-bergenhus"), NOW);
        conversations.open(new Conversation("msg-2", "case-1", "haukeland-tsb", "nav-bergenhus"), NOW.plusSeconds(1));

        assertThat(conversations.ofCase("case-1", "haukeland-tsb")).map(Conversation::ref).contains("msg-1");
    }

    @Test
    void aMessageIsQueuedOncePerPartner() {
        queued();
        queued();

        assertThat(deliveries.countsByState()).containsEntry(State.PENDING, 1L);
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainUntilItsLeaseRunsOut() {
        long id = queued();
        deliveries.claim(id, "a", NOW, NOW.plusSeconds(60)).orElseThrow();

        assertThat(deliveries.claim(id, "b", NOW.plusSeconds(30), NOW.plusSeconds(90))).isEmpty();
        assertThat(deliveries.claim(id, "b", NOW.plusSeconds(61), NOW.plusSeconds(120))).isPresent();
    }

    @Test
    void aSentDeliveryIsDueForItsReceiptCheckLater() {
        long id = queued();
        deliveries.claim(id, "a", NOW, NOW.plusSeconds(60)).orElseThrow();
        deliveries.sent(id, "a", NOW, "nhn-1", NOW.plusSeconds(30));

        assertThat(deliveries.due(NOW.plusSeconds(29), 10)).isEmpty();
        Claimed claimed = deliveries.claim(id, "a", NOW.plusSeconds(30), NOW.plusSeconds(90)).orElseThrow();
        assertThat(claimed).extracting(Claimed::state, Claimed::nhnMessageId, Claimed::attempts)
                .containsExactly(State.SENT, "nhn-1", 1);
    }

    @Test
    void aRejectionKeepsTheInboxRecordForTheDeadLetterAndShowsTheReceiptsErrors() {
        long id = queued();
        deliveries.claim(id, "a", NOW, NOW.plusSeconds(60)).orElseThrow();
        deliveries.receipt(id, "a", NOW, AppRec.rejected(MESSAGE, List.of(new ReceiptError(AppRecError.E21, "Mottaker finnes ikke"))));

        assertThat(deliveries.source(id).orElseThrow().wireBytes()).containsExactly(0, 1, 2);
        assertThat(deliveries.latest("haukeland-tsb", 10)).extracting(NhnDeliveryStore.View::state,
                NhnDeliveryStore.View::apprecErrors).containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED",
                "E21 Mottaker finnes ikke"));
    }

    @Test
    void anOkReceiptDropsTheInboxRecord() {
        long id = queued();
        deliveries.claim(id, "a", NOW, NOW.plusSeconds(60)).orElseThrow();
        deliveries.receipt(id, "a", NOW, AppRec.ok(MESSAGE));

        assertThat(deliveries.source(id).orElseThrow().wireBytes()).isNull();
    }

    @Test
    void aParkedDeliveryIsNoLongerDue() {
        long id = queued();
        deliveries.claim(id, "a", NOW, NOW.plusSeconds(60)).orElseThrow();
        deliveries.park(id, "a", true, "POST /Messages answered HTTP 503");

        assertThat(deliveries.due(NOW.plusSeconds(3600), 10)).isEmpty();
        assertThat(deliveries.countsByState()).containsEntry(State.PARKED, 1L);
    }
}

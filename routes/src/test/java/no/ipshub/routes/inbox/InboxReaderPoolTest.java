package no.ipshub.routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.routes.support.InMemoryPartition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pool of inbox consumers on an in-memory inbox partition: a consumer that broke never goes back to the pool. */
class InboxReaderPoolTest {

    private static final String PARTNER = "nav-bergenhus";
    private static final HubTopics TOPICS = HubTopics.defaults();
    private static final InboxCursor FROM_THE_START = InboxCursor.at(Map.of());

    private final InMemoryPartition inbox = new InMemoryPartition(TOPICS.inboxFor(PARTNER), 0);
    private final SupervisedLoops loops = new SupervisedLoops(RetryProperties.defaults(), Duration.ofSeconds(60),
            Clock.systemUTC());
    private InboxReader reader;

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void aConsumerThatFailsToBeResetIsDiscardedAndTheNextReadGetsANewOne() {
        reader = poolOfOne(inbox::newReader);
        reader.read(PARTNER, FROM_THE_START, 10);
        inbox.latestReader().failUnsubscribe(new KafkaException("the consumer is in a broken state"));

        reader.read(PARTNER, FROM_THE_START, 10);
        InboxReader.InboxPage page = reader.read(PARTNER, FROM_THE_START, 10);

        assertThat(page.items()).isEmpty();
        assertThat(inbox.readers()).hasSize(2);
        assertThat(inbox.readers().get(0).closed()).isTrue();
    }

    @Test
    void aConsumerWhoseReadFailedIsClosedAndTheNextReadGetsANewOne() {
        reader = poolOfOne(inbox::newReader);
        reader.read(PARTNER, FROM_THE_START, 10);
        inbox.latestReader().setOffsetsException(new KafkaException("the consumer lost its connection"));

        assertThatThrownBy(() -> reader.read(PARTNER, FROM_THE_START, 10)).isInstanceOf(KafkaException.class);
        reader.read(PARTNER, FROM_THE_START, 10);

        assertThat(inbox.readers()).hasSize(2);
        assertThat(inbox.readers().get(0).closed()).isTrue();
    }

    @Test
    void aFailedConsumerShowsThePoolRestartingUntilAReadWorksAgain() {
        reader = poolOfOne(inbox::newReader);
        reader.read(PARTNER, FROM_THE_START, 10);
        inbox.latestReader().setOffsetsException(new KafkaException("the consumer lost its connection"));
        assertThatThrownBy(() -> reader.read(PARTNER, FROM_THE_START, 10)).isInstanceOf(KafkaException.class);

        LoopStatus failed = loops.status(InboxReader.LOOP).orElseThrow();
        reader.read(PARTNER, FROM_THE_START, 10);

        assertThat(failed.state()).isEqualTo(LoopState.RESTARTING);
        assertThat(failed.lastFailure()).isEqualTo("KafkaException: the consumer lost its connection");
        assertThat(loops.status(InboxReader.LOOP).orElseThrow().state()).isEqualTo(LoopState.RUNNING);
    }

    private InboxReader poolOfOne(Supplier<Consumer<byte[], byte[]>> consumers) {
        // the legacy inbox and the codec are not reached: the cursor is the topic's and the inbox is empty
        return new InboxReader(consumers, TOPICS, new HubWireCodec(SchemaRegistryClients.create("mock://inbox-pool")),
                new LegacyInbox(new JdbcTemplate()), 1, Duration.ofMillis(500), loops);
    }
}

package no.ipshub.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class StateChangelogTest {

    private final StateChangelog changelog = new StateChangelog("ips.intake-state-v1", 3);

    private static PartitionState empty(int partition) {
        return new PartitionState(partition, s -> s);
    }

    @Test
    void caseIsInThePartitionKafkasDefaultPartitionerGivesItsIdOnAnIngressTopic() {
        for (int i = 0; i < 200; i++) {
            String caseId = "case-" + i;
            int kafka = BuiltInPartitioner.partitionForKey(caseId.getBytes(StandardCharsets.UTF_8), 3);

            assertThat(changelog.partitionOf(caseId)).isEqualTo(kafka);
        }
    }

    @Test
    void acceptedIdIsWrittenToItsCasesPartition() {
        ProducerRecord<byte[], byte[]> record = changelog.acceptedRecord("case-7", UUID.randomUUID(), "haukeland-tsb", 1L);

        assertThat(record.partition()).isEqualTo(changelog.partitionOf("case-7"));
    }

    @Test
    void acceptedIdReadsBackWithItsSender() {
        UUID id = UUID.randomUUID();
        ProducerRecord<byte[], byte[]> record = changelog.acceptedRecord("case-7", id, "haukeland-tsb", 1L);
        PartitionState state = empty(record.partition());

        StateChangelog.apply(record.key(), record.value(), state);

        assertThat(state.senderOf("case-7", id)).isEqualTo("haukeland-tsb");
    }

    @Test
    void tombstoneForgetsTheId() {
        UUID id = UUID.randomUUID();
        ProducerRecord<byte[], byte[]> accepted = changelog.acceptedRecord("case-7", id, "haukeland-tsb", 1L);
        ProducerRecord<byte[], byte[]> expired = changelog.expiredRecord("case-7", id);
        PartitionState state = empty(accepted.partition());

        StateChangelog.apply(accepted.key(), accepted.value(), state);
        StateChangelog.apply(expired.key(), expired.value(), state);

        assertThat(state.senderOf("case-7", id)).isNull();
    }

    @Test
    void casePartiesReadBack() {
        List<CaseOpening> openings = List.of(new CaseOpening("case-7", "haukeland-tsb", "nav-bergenhus", "m-1"),
                new CaseOpening("case-7", "haukeland-tsb", "nav-arstad", "m-2"));
        ProducerRecord<byte[], byte[]> record = changelog.partiesRecord("case-7", openings);
        PartitionState state = empty(record.partition());

        StateChangelog.apply(record.key(), record.value(), state);

        assertThat(state.openings("case-7")).isEqualTo(openings);
    }

    @Test
    void applyingTheSameRecordsTwiceGivesTheSameState() {
        UUID id = UUID.randomUUID();
        ProducerRecord<byte[], byte[]> record = changelog.acceptedRecord("case-9", id, "nav-bergenhus", 5L);
        PartitionState state = empty(record.partition());

        StateChangelog.apply(record.key(), record.value(), state);
        StateChangelog.apply(record.key(), record.value(), state);

        assertThat(state.acceptedCount()).isEqualTo(1);
    }
}

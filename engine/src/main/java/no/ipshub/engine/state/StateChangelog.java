package no.ipshub.engine.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * The records of the intake's state changelog (a compacted topic, one partition per state partition). Every
 * record goes to the partition of its case, the partition Kafka's default partitioner gives the case id on
 * the ingress topics, so a case's state lives with the ingress partitions that carry its messages.
 *
 * <ul>
 *   <li>{@code a|<caseId>|<messageId>}: a message id accepted in the case. Value: format version 1, sender
 *       (UTF), accepted at (epoch millis). A tombstone once the id is older than the idempotency retention.</li>
 *   <li>{@code c|<caseId>}: the case's parties. Value: format version 2, the number of openings, then per
 *       opening team, NAV office and referral message id (UTF), then when the case was closed (epoch millis, 0 while
 *       open). Version 1 (written by earlier versions) has no closing time. A tombstone once a closed case is older
 *       than the closed-case retention.</li>
 * </ul>
 *
 * <p>Case ids hold no {@code |} (the validator allows letters, digits and {@code ._:-} only).
 */
public final class StateChangelog {

    private static final byte VERSION = 1;
    private static final byte PARTIES_VERSION = 2;
    private static final String ACCEPTED = "a|";
    private static final String PARTIES = "c|";

    private final String topic;
    private final int partitions;

    public StateChangelog(String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
    }

    public String topic() {
        return topic;
    }

    public int partitions() {
        return partitions;
    }

    /** The state partition of a case: where Kafka's default partitioner puts records keyed by the case id. */
    public int partitionOf(String caseId) {
        return partitionOf(caseId, partitions);
    }

    /** The state partition the records of partition {@code topicPartition} of an intake topic belong to. */
    public int statePartitionOf(int topicPartition) {
        return topicPartition % partitions;
    }

    /** Kafka's default partition of a record keyed by {@code caseId} (UTF-8) on a topic with {@code count} partitions. */
    public static int partitionOf(String caseId, int count) {
        return Utils.toPositive(Utils.murmur2(caseId.getBytes(StandardCharsets.UTF_8))) % count;
    }

    /** The record of an accepted message id. */
    public ProducerRecord<byte[], byte[]> acceptedRecord(String caseId, UUID messageId, String sender, long atMillis) {
        byte[] value = write(out -> {
            out.writeByte(VERSION);
            out.writeUTF(sender);
            out.writeLong(atMillis);
        });
        return record(caseId, ACCEPTED + caseId + "|" + messageId, value);
    }

    /** The tombstone of an accepted message id past the retention. */
    public ProducerRecord<byte[], byte[]> expiredRecord(String caseId, UUID messageId) {
        return record(caseId, ACCEPTED + caseId + "|" + messageId, null);
    }

    /** The record of a case's parties, open. */
    public ProducerRecord<byte[], byte[]> partiesRecord(String caseId, List<CaseOpening> openings) {
        return partiesRecord(caseId, openings, 0L);
    }

    /** The record of a case's parties, closed at {@code closedAtMillis} (0: open). */
    public ProducerRecord<byte[], byte[]> partiesRecord(String caseId, List<CaseOpening> openings, long closedAtMillis) {
        byte[] value = write(out -> {
            out.writeByte(PARTIES_VERSION);
            out.writeInt(openings.size());
            for (CaseOpening o : openings) {
                out.writeUTF(o.team());
                out.writeUTF(o.navOffice());
                out.writeUTF(o.messageId());
            }
            out.writeLong(closedAtMillis);
        });
        return record(caseId, PARTIES + caseId, value);
    }

    /** The tombstone of a closed case's parties past the closed-case retention. */
    public ProducerRecord<byte[], byte[]> partiesExpiredRecord(String caseId) {
        return record(caseId, PARTIES + caseId, null);
    }

    private ProducerRecord<byte[], byte[]> record(String caseId, String key, byte[] value) {
        return new ProducerRecord<>(topic, partitionOf(caseId), key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** Applies one changelog record to {@code state}; records of an unknown kind or version are ignored. */
    static void apply(byte[] keyBytes, byte[] value, PartitionState state) {
        if (keyBytes == null) {
            return;
        }
        String key = new String(keyBytes, StandardCharsets.UTF_8);
        try {
            if (key.startsWith(ACCEPTED)) {
                int bar = key.lastIndexOf('|');
                String caseId = key.substring(ACCEPTED.length(), bar);
                UUID messageId = UUID.fromString(key.substring(bar + 1));
                if (value == null) {
                    state.forget(caseId, messageId);
                    return;
                }
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
                if (in.readByte() == VERSION) {
                    state.accepted(caseId, messageId, in.readUTF(), in.readLong());
                }
            } else if (key.startsWith(PARTIES)) {
                String caseId = key.substring(PARTIES.length());
                if (value == null) {
                    state.openings(caseId, List.of(), 0L);
                    return;
                }
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
                byte version = in.readByte();
                if (version != VERSION && version != PARTIES_VERSION) {
                    return;
                }
                int count = in.readInt();
                List<CaseOpening> openings = new ArrayList<>(Math.min(count, 16));
                for (int i = 0; i < count; i++) {
                    openings.add(new CaseOpening(caseId, in.readUTF(), in.readUTF(), in.readUTF()));
                }
                state.openings(caseId, openings, version == PARTIES_VERSION ? in.readLong() : 0L);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable state changelog record " + key, e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

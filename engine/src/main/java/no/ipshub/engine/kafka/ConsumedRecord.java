package no.ipshub.engine.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One Kafka record of a consumed batch: where it came from, its key, value and headers, as raw bytes.
 *
 * @param topic     the topic it was read from
 * @param partition the partition it was read from
 * @param offset    its offset
 * @param timestamp its timestamp (epoch milliseconds)
 * @param key       its key; null when it had none
 * @param value     its value; null for a tombstone
 * @param headers   its headers
 */
public record ConsumedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        Headers headers) {

    public ConsumedRecord {
        headers = headers == null ? new RecordHeaders() : headers;
    }

    /** A record without headers, as tests and tools build them. */
    public ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value) {
        this(topic, partition, offset, 0L, key, value, null);
    }

    /** The record as the Kafka consumer returned it. */
    public static ConsumedRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new ConsumedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), record.headers());
    }

    /** The last value of header {@code name} as UTF-8 text, or null when the record has no such header. */
    public String header(String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code topic-partition@offset}, for logs. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}

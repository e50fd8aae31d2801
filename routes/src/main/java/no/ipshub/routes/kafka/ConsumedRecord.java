package no.ipshub.routes.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * One Kafka record of a consumed batch: where it came from, its key and its value, as raw bytes.
 *
 * @param topic     the topic it was read from
 * @param partition the partition it was read from
 * @param offset    its offset
 * @param key       its key; null when it had none
 * @param value     its value; null for a tombstone
 */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    /** The record behind one exchange of a Camel Kafka batch. */
    public static ConsumedRecord of(Exchange exchange) {
        Message m = exchange.getMessage();
        return new ConsumedRecord(
                m.getHeader(KafkaConstants.TOPIC, String.class),
                m.getHeader(KafkaConstants.PARTITION, Integer.class),
                m.getHeader(KafkaConstants.OFFSET, Long.class),
                m.getHeader(KafkaConstants.KEY, byte[].class),
                m.getBody(byte[].class));
    }

    /** {@code topic-partition@offset}, for logs. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}

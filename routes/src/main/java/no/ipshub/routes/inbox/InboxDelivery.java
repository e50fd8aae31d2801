package no.ipshub.routes.inbox;

/**
 * One message to be put into one partner's inbox, with the canonical record it came from.
 *
 * @param recipient       the partner whose inbox it is
 * @param messageId       the message's id, unique per inbox
 * @param caseId          the message's case, the key on the inbox topic
 * @param sender          the partner that sent it
 * @param wireBytes       the message in the Confluent wire format
 * @param sourceTopic     the canonical topic it was read from
 * @param sourcePartition the partition it was read from
 * @param sourceOffset    the offset it was read from
 */
public record InboxDelivery(String recipient, String messageId, String caseId, String sender, byte[] wireBytes,
        String sourceTopic, int sourcePartition, long sourceOffset) {

    boolean sameSourceAs(String topic, int partition, long offset) {
        return sourceTopic.equals(topic) && sourcePartition == partition && sourceOffset == offset;
    }
}

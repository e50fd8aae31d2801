package no.ipshub.operations.dashboard;

import org.apache.kafka.common.TopicPartition;

/** One offset of one partition: where a consumer group reads next. */
record RecordPosition(TopicPartition partition, long offset) {
}

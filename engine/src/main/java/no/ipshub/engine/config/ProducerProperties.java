package no.ipshub.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the hub's shared idempotent producer ({@code hub.routes.producer.*}); acks=all and idempotence
 * are fixed, not configurable.
 *
 * @param lingerMs        how long the producer waits to fill a batch
 * @param batchSize       bytes per partition batch
 * @param compressionType none, gzip, snappy, lz4 or zstd
 * @param maxRequestBytes largest request, above the largest message the hub writes
 * @param sendTimeout     how long a caller waits for the broker's acknowledgement
 */
@ConfigurationProperties("hub.routes.producer")
public record ProducerProperties(
        @DefaultValue("1") int lingerMs,
        @DefaultValue("131072") int batchSize,
        @DefaultValue("none") String compressionType,
        @DefaultValue("4194304") int maxRequestBytes,
        @DefaultValue("30s") Duration sendTimeout) {

    /**
     * Bytes a producer may hold unsent. Kafka's default (32 MB) is far above what the hub's batches need; several
     * producers in one process would pin it in a small heap.
     */
    public static final long BUFFER_BYTES = 8L * 1024 * 1024;
}

package no.ipshub.engine.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The Camel component {@value #SCHEME} behind every route of the hub that reads Kafka: one declaration of the
 * consumer settings for all of them ({@code hub.routes.consumer.*}), batches of one poll each, offsets committed
 * by the component after the route succeeded, and optionally the batch's outputs and offsets in one Kafka
 * transaction. A route names its endpoint with {@link #endpointUri(BatchConsumerSpec)}.
 */
public class BatchConsumerComponent extends DefaultComponent {

    public static final String SCHEME = "hub-kafka";

    private final Map<String, BatchConsumerSpec> specs = new ConcurrentHashMap<>();
    private final HubKafkaClients kafka;
    private final ConsumerProperties consumer;
    private final ProducerProperties producer;
    private final RetryProperties retry;
    private final HubProducer plainProducer;
    private final InstanceIdentity instance;
    private final Quarantine quarantine;
    private final SupervisedLoops loops;

    /**
     * @param quarantine writes the dead letter of a record a route keeps failing on; null leaves such a record to
     *                   be retried (with back-off) until an operator steps in
     */
    public BatchConsumerComponent(HubKafkaClients kafka, ConsumerProperties consumer, ProducerProperties producer,
            RetryProperties retry, HubProducer plainProducer, InstanceIdentity instance, Quarantine quarantine) {
        this(kafka, consumer, producer, retry, plainProducer, instance, quarantine, null);
    }

    /** @param loops where each consumer thread reports whether it works, restarts or stopped; null: nowhere */
    public BatchConsumerComponent(HubKafkaClients kafka, ConsumerProperties consumer, ProducerProperties producer,
            RetryProperties retry, HubProducer plainProducer, InstanceIdentity instance, Quarantine quarantine,
            SupervisedLoops loops) {
        this.quarantine = quarantine;
        this.loops = loops;
        this.kafka = kafka;
        this.consumer = consumer;
        this.producer = producer;
        this.retry = retry;
        this.plainProducer = plainProducer;
        this.instance = instance;
    }

    /** Registers {@code spec} and returns the URI of its endpoint, {@code hub-kafka:<routeId>}. */
    public String endpointUri(BatchConsumerSpec spec) {
        BatchConsumerSpec earlier = specs.putIfAbsent(spec.routeId(), spec);
        if (earlier != null && !earlier.equals(spec)) {
            throw new IllegalStateException("route " + spec.routeId() + " already has another hub-kafka endpoint");
        }
        return SCHEME + ":" + spec.routeId();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        BatchConsumerSpec spec = specs.get(remaining);
        if (spec == null) {
            throw new IllegalArgumentException("no hub-kafka endpoint is registered for route " + remaining);
        }
        return new BatchConsumerEndpoint(uri, this, spec);
    }

    HubKafkaClients kafka() {
        return kafka;
    }

    ConsumerProperties consumerProperties() {
        return consumer;
    }

    ProducerProperties producerProperties() {
        return producer;
    }

    RetryProperties retry() {
        return retry;
    }

    HubProducer plainProducer() {
        return plainProducer;
    }

    InstanceIdentity instance() {
        return instance;
    }

    Quarantine quarantine() {
        return quarantine;
    }

    /** The loop of a route's consumer thread in the loops registry, or null when there is no registry. */
    LoopHandle loop(String routeId, int index) {
        return loops == null ? null : loops.register("route-" + routeId + "-" + index, LoopKind.THREAD);
    }
}

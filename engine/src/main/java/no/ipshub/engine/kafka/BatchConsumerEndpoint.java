package no.ipshub.engine.kafka;

import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** The endpoint of one route's batch consumer; see {@link BatchConsumerComponent}. */
public class BatchConsumerEndpoint extends DefaultEndpoint {

    private final BatchConsumerSpec spec;
    private volatile BatchConsumer consumer;

    BatchConsumerEndpoint(String uri, BatchConsumerComponent component, BatchConsumerSpec spec) {
        super(uri, component);
        this.spec = spec;
    }

    @Override
    public BatchConsumerComponent getComponent() {
        return (BatchConsumerComponent) super.getComponent();
    }

    /** What this endpoint reads and how it commits. */
    public BatchConsumerSpec spec() {
        return spec;
    }

    /** The consumer group. */
    public String groupId() {
        return spec.groupId();
    }

    /** The topics read now: the listed ones, or those the pattern matched at the last rebalance. */
    public List<String> topics() {
        BatchConsumer current = consumer;
        if (!spec.topics().isEmpty() || current == null) {
            return spec.topics();
        }
        return current.subscribedTopics();
    }

    /** True when the route is suspended and every consumer thread has paused its partitions. */
    public boolean isPaused() {
        BatchConsumer current = consumer;
        return current != null && current.isPaused();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BatchConsumer created = new BatchConsumer(this, processor);
        configureConsumer(created);
        consumer = created;
        return created;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("hub-kafka endpoints only consume; routes write through their batch");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}

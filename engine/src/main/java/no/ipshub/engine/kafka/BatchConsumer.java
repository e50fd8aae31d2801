package no.ipshub.engine.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.ipshub.engine.config.ConsumerProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;

/**
 * The consumer of a {@code hub-kafka} endpoint: {@code hub.routes.consumer.consumers} threads, each a Kafka
 * consumer in the endpoint's group running a {@link BatchPollLoop}. Suspending the route pauses the partitions
 * (the consumers stay in the group, so nothing is rebalanced); resuming picks up where it stopped.
 */
public class BatchConsumer extends DefaultConsumer implements Suspendable {

    private static final long PAUSE_WAIT_MS = 30_000;

    private final BatchConsumerEndpoint endpoint;
    private final List<BatchPollLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean suspendRequested;

    BatchConsumer(BatchConsumerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        BatchConsumerSpec spec = endpoint.spec();
        ConsumerProperties properties = endpoint.getComponent().consumerProperties();
        // a transactional route's partitions follow its state partitions: more threads than those would idle
        int count = spec.transactional() ? Math.max(1, Math.min(properties.intakeThreads(), spec.statePartitions()))
                : Math.max(1, properties.consumers());
        for (int i = 0; i < count; i++) {
            BatchPollLoop loop = new BatchPollLoop(this, endpoint.getComponent(), spec, i);
            Thread thread = new Thread(loop, spec.routeId() + "-" + i);
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    protected void doStop() throws Exception {
        loops.forEach(BatchPollLoop::stop);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        loops.clear();
        threads.clear();
        super.doStop();
    }

    /** Returns once every thread has paused (it finishes the batch in hand first), or after {@value #PAUSE_WAIT_MS} ms. */
    @Override
    protected void doSuspend() throws InterruptedException {
        suspendRequested = true;
        long deadline = System.nanoTime() + PAUSE_WAIT_MS * 1_000_000L;
        while (!isPaused() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    protected void doResume() {
        suspendRequested = false;
    }

    boolean suspendRequested() {
        return suspendRequested;
    }

    /** True when a suspension was asked for and every thread has paused its partitions. */
    boolean isPaused() {
        return suspendRequested && !loops.isEmpty() && loops.stream().allMatch(BatchPollLoop::isPaused);
    }

    /** The topics the threads' subscriptions matched at their last rebalance. */
    List<String> subscribedTopics() {
        Set<String> topics = new TreeSet<>();
        loops.forEach(loop -> topics.addAll(loop.subscribedTopics()));
        return List.copyOf(topics);
    }

    /** Runs one batch through the route on the calling thread; the exchange carries its failure, if any. */
    Exception process(RecordBatch batch) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(batch);
            getProcessor().process(exchange);
            return exchange.getException();
        } catch (Exception e) {
            return e;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}

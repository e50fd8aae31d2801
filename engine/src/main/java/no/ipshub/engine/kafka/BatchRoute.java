package no.ipshub.engine.kafka;

import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * A route that reads a {@code hub-kafka} endpoint and hands each {@link RecordBatch} to its processors, in order.
 * It has no Camel error handler: a batch that fails goes back to the poll loop, which reads it again (and commits
 * nothing of it).
 */
public abstract class BatchRoute extends RouteBuilder {

    private final String routeId;
    private final String endpointUri;
    private final List<Processor> processors;

    protected BatchRoute(BatchConsumerComponent batches, BatchConsumerSpec spec, Processor... processors) {
        this.routeId = spec.routeId();
        this.endpointUri = batches.endpointUri(spec);
        this.processors = List.of(processors);
    }

    @Override
    public final void configure() {
        RouteDefinition route = from(endpointUri)
            .routeId(routeId)
            .errorHandler(noErrorHandler());
        processors.forEach(route::process);
    }
}

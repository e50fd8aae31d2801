package no.ipshub.connectors.nhn;

import org.apache.camel.builder.RouteBuilder;

/**
 * The timers of the edge for Norsk helsenett: {@code nhn-dispatch} (every {@code hub.nhn.outbound.poll-interval})
 * sends due messages and asks for due receipts; {@code nhn-poll} (every {@code hub.nhn.edi.poll-interval}, only
 * with {@code hub.nhn.edi.poll-enabled}) reads the hub's incoming messages.
 */
public class NhnRoutes extends RouteBuilder {

    private final NhnProperties properties;
    private final NhnDispatcher dispatcher;
    private final NhnInboundPoller poller;

    public NhnRoutes(NhnProperties properties, NhnDispatcher dispatcher, NhnInboundPoller poller) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.poller = poller;
    }

    @Override
    public void configure() {
        long dispatch = properties.outbound().pollInterval().toMillis();
        from("timer:" + NhnDispatcher.ROUTE_ID + "?period=" + dispatch + "&delay=" + dispatch)
            .routeId(NhnDispatcher.ROUTE_ID)
            .process(exchange -> dispatcher.dispatchDue());
        if (properties.edi().pollEnabled()) {
            long poll = properties.edi().pollInterval().toMillis();
            from("timer:" + NhnInboundPoller.ROUTE_ID + "?period=" + poll + "&delay=" + poll)
                .routeId(NhnInboundPoller.ROUTE_ID)
                .process(exchange -> poller.poll());
        }
    }
}

package no.ipshub.routes.error;

import no.ipshub.routes.config.RetryProperties;
import no.ipshub.routes.kafka.BatchOffsets;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.springframework.stereotype.Component;

/**
 * The hub's error handling for its routes, in one place.
 *
 * <ul>
 *   <li>A bad record never reaches this policy: the routes turn it into a dead letter and move on.</li>
 *   <li>What does reach it failed a whole batch: the registry, the database or the broker is away. The
 *       failed step is retried with exponential back-off; nothing is dead-lettered.</li>
 *   <li>When the retries run out the batch is handed back to Kafka uncommitted (each partition is rewound
 *       to the batch's first record), so the next poll tries again without ever skipping a record and
 *       without outliving the consumer's poll interval.</li>
 * </ul>
 */
@Component
public class HubErrorPolicy extends RouteConfigurationBuilder {

    /** The route configuration id routes refer to with {@code routeConfigurationId(...)}. */
    public static final String ID = "hub-error-policy";

    private final RetryProperties retry;

    public HubErrorPolicy(RetryProperties retry) {
        this.retry = retry;
    }

    @Override
    public void configuration() {
        RedeliveryPolicyDefinition backOff = new RedeliveryPolicyDefinition()
                .maximumRedeliveries(retry.maxRedeliveries())
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.multiplier())
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                // a stopping hub hands the batch back at once instead of waiting out the back-off
                .allowRedeliveryWhileStopping(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .retriesExhaustedLogLevel(LoggingLevel.ERROR)
                .logRetryStackTrace(false);
        OnExceptionDefinition onFailure = routeConfiguration(ID).onException(Exception.class);
        onFailure.setRedeliveryPolicyType(backOff);
        onFailure
            .handled(true)
            .process(exchange -> BatchOffsets.rewind(BatchOffsets.records(exchange)))
            .end();
    }
}

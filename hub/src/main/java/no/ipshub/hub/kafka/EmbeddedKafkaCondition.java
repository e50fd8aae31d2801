package no.ipshub.hub.kafka;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code hub.kafka.brokers} is missing or blank: the hub then runs its own broker. */
public class EmbeddedKafkaCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String brokers = context.getEnvironment().getProperty("hub.kafka.brokers");
        return brokers == null || brokers.isBlank();
    }

    /** The opposite: an external cluster is configured. */
    public static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new EmbeddedKafkaCondition().matches(context, metadata);
        }
    }
}

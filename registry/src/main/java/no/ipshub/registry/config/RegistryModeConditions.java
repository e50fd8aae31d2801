package no.ipshub.registry.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Chooses between the embedded registry and an external one by whether {@code hub.schema-registry.url} has text. */
public final class RegistryModeConditions {

    public static final String URL_PROPERTY = "hub.schema-registry.url";

    private RegistryModeConditions() {
    }

    private static boolean urlSet(ConditionContext context) {
        String url = context.getEnvironment().getProperty(URL_PROPERTY);
        return url != null && !url.isBlank();
    }

    /** Matches when {@code hub.schema-registry.url} is absent or blank. */
    public static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !urlSet(context);
        }
    }

    /** Matches when {@code hub.schema-registry.url} names a registry. */
    public static final class External implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return urlSet(context);
        }
    }
}

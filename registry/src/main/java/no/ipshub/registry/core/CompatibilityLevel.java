package no.ipshub.registry.core;

import java.util.Locale;
import no.ipshub.registry.client.RegistryErrors;

/**
 * A subject's compatibility rule, as the Confluent registry names them. BACKWARD: the new schema reads
 * data written with the previous one; FORWARD: the previous schema reads data written with the new one;
 * FULL: both. The transitive forms check every live version, the others the latest only.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level in force where neither the subject nor the registry sets one, as in Confluent's registry. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must read data written with the earlier ones. */
    public boolean backward() {
        return backward;
    }

    /** Whether the earlier schemas must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Whether every live version is checked rather than the latest only. */
    public boolean transitive() {
        return transitive;
    }

    /** The level named {@code name}, case-insensitive; error 42203 for anything else. */
    public static CompatibilityLevel parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below with the valid names
            }
        }
        throw RegistryErrors.invalidCompatibilityLevel(name, values());
    }
}

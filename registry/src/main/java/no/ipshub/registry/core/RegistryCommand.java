package no.ipshub.registry.core;

import java.util.Objects;

/**
 * One change to the registry's state, as {@link RegistryCore} applies it and as the embedded registry
 * writes it to its log. Each carries the id of the proposal that made it, so its author can find out
 * whether it took effect.
 */
public sealed interface RegistryCommand {

    /** Unique per proposal (a random UUID); never reused, so a log key made from it is never overwritten. */
    String proposalId();

    /**
     * Claims {@code version} of {@code subject} for the schema with global {@code id}. Applied only if
     * the version is above every version the subject has, the id is free or already this schema's, and
     * the schema has no other id.
     */
    record Register(String proposalId, String subject, int version, int id, String schema) implements RegistryCommand {
        public Register {
            Objects.requireNonNull(proposalId);
            Objects.requireNonNull(subject);
            Objects.requireNonNull(schema);
        }
    }

    /** Soft-deletes a live version, or ({@code permanent}) removes a soft-deleted one. */
    record DeleteVersion(String proposalId, String subject, int version, boolean permanent) implements RegistryCommand {
        public DeleteVersion {
            Objects.requireNonNull(proposalId);
            Objects.requireNonNull(subject);
        }
    }

    /**
     * Soft-deletes every live version up to {@code upToVersion}, or ({@code permanent}) removes every
     * version up to it once all of them are soft-deleted. Versions registered later are untouched.
     */
    record DeleteSubject(String proposalId, String subject, int upToVersion, boolean permanent) implements RegistryCommand {
        public DeleteSubject {
            Objects.requireNonNull(proposalId);
            Objects.requireNonNull(subject);
        }
    }

    /**
     * Sets the compatibility level of {@code subject}, or the global one when {@code subject} is null;
     * a null {@code level} clears it. The last one written wins.
     */
    record SetCompatibility(String proposalId, String subject, CompatibilityLevel level) implements RegistryCommand {
        public SetCompatibility {
            Objects.requireNonNull(proposalId);
        }
    }
}

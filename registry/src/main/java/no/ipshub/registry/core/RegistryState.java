package no.ipshub.registry.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryClient.SubjectVersion;
import org.apache.avro.Schema;

/**
 * The registry's state: the schemas by global id, the versions of each subject and the compatibility levels, with
 * the lookups that queries, plans and commands share. Not thread-safe by itself: {@link RegistryCore} guards it.
 */
final class RegistryState {

    /** A schema with its global id, kept in canonical form and parsed. */
    record StoredSchema(int id, String canonical, Schema schema) {
    }

    /** One version of a subject: the global id of its schema, and whether it is soft-deleted. */
    record Version(int version, int id, boolean deleted) {
    }

    final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    final Map<String, Integer> idsByCanonical = new HashMap<>();
    final TreeMap<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    CompatibilityLevel globalLevel;
    int maxId;

    /** The level that governs {@code subject}: its own, else the global one, else the default. */
    CompatibilityLevel effectiveLevel(String subject) {
        CompatibilityLevel own = subject == null ? null : subjectLevels.get(subject);
        if (own != null) {
            return own;
        }
        return globalLevel != null ? globalLevel : CompatibilityLevel.DEFAULT;
    }

    /** The schema a version holds. */
    Schema schemaOf(Version v) {
        return schemasById.get(v.id()).schema();
    }

    SubjectVersion toSubjectVersion(String subject, Version v) {
        return new SubjectVersion(subject, v.version(), v.id(), schemaOf(v));
    }

    static boolean hasAny(TreeMap<Integer, Version> versions, boolean includeDeleted) {
        return includeDeleted ? !versions.isEmpty() : versions.values().stream().anyMatch(v -> !v.deleted());
    }

    static Version latest(TreeMap<Integer, Version> versions, boolean includeDeleted) {
        for (Version v : versions.descendingMap().values()) {
            if (includeDeleted || !v.deleted()) {
                return v;
            }
        }
        return null;
    }

    static List<Version> liveVersions(TreeMap<Integer, Version> versions) {
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    /** A version number as the API takes it: positive, or {@code -1} for the latest; error 42202 otherwise. */
    static void requireValidVersion(int version) {
        if (version <= 0 && version != -1) {
            throw RegistryErrors.invalidVersion(String.valueOf(version));
        }
    }
}

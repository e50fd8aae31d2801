package no.ipshub.registry.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The calls the hub makes on a Confluent-compatible schema registry. Implemented over the REST API, by
 * the in-memory registry behind {@code mock://} URLs, and by the embedded registry in-process.
 *
 * <p>Failures surface as {@link SchemaRegistryException} carrying Confluent's error code.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} when it is already registered under {@code subject}; error 40403 otherwise. */
    int getId(String subject, Schema schema);

    /** The schema with this global id; error 40403 when there is none. */
    Schema getById(int id);

    /** The newest live version under {@code subject}; error 40401 when the subject is unknown. */
    SubjectVersion getLatest(String subject);

    /** One version of {@code subject}; errors 40401 / 40402. */
    SubjectVersion getVersion(String subject, int version);

    /** The live versions of {@code subject}, oldest first. */
    List<Integer> getVersions(String subject);

    /** The live subjects. */
    List<String> getSubjects();

    /**
     * The newest live version of every live subject whose name starts with {@code subjectPrefix}, by subject.
     * This default asks subject by subject; implementations that can answer in one call do.
     */
    default Map<String, SubjectVersion> latestVersions(String subjectPrefix) {
        Map<String, SubjectVersion> latest = new LinkedHashMap<>();
        for (String subject : getSubjects()) {
            if (subject.startsWith(subjectPrefix)) {
                latest.put(subject, getLatest(subject));
            }
        }
        return latest;
    }

    /** Whether {@code schema} may be registered under {@code subject} by its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level in force for {@code subject} (its own, or the global default). */
    String getCompatibility(String subject);

    /** Sets {@code subject}'s own compatibility level, or the global one when {@code subject} is null. */
    void setCompatibility(String subject, String level);

    /**
     * The version of {@code subject} that holds {@code schema}, soft-deleted versions included when
     * {@code includeDeleted}; errors 40401 (no such subject) / 40403 (schema not under it).
     */
    SubjectVersion lookup(String subject, Schema schema, boolean includeDeleted);

    /**
     * Deletes every live version of {@code subject} (soft), or, with {@code permanent}, removes a subject
     * whose versions were all soft-deleted before; returns the versions deleted. Errors 40401, 40404, 40405.
     */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /**
     * Deletes one version ({@code -1} for the latest) soft, or removes a soft-deleted one with
     * {@code permanent}; returns the version number. Errors 40401, 40402, 40406, 40407.
     */
    int deleteVersion(String subject, int version, boolean permanent);

    /** One registered version of a subject. */
    record SubjectVersion(String subject, int version, int id, Schema schema) {
    }
}

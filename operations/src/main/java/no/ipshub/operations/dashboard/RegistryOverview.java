package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.registry.client.SchemaRegistryClient;

/** The schema registry's subjects with their versions, read at most once per {@code hub.ops.registry-refresh}. */
public class RegistryOverview {

    private final SchemaRegistryClient registry;
    private final Clock clock;
    private final Cached<View> cached;

    public RegistryOverview(SchemaRegistryClient registry, Duration refresh, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.cached = new Cached<>(refresh, this::read, clock);
    }

    /**
     * The registry as last read.
     *
     * @param readAt   when it was read
     * @param subjects the live subjects, sorted
     * @param error    why it could not be read; null when it could
     */
    public record View(Instant readAt, List<Subject> subjects, String error) {
    }

    /**
     * One subject.
     *
     * @param subject       e.g. {@code ips.referral-v1-value}
     * @param versions      its live versions, oldest first
     * @param latestVersion the newest version
     * @param latestId      the global schema id of the newest version
     * @param compatibility the compatibility level in force for it
     */
    public record Subject(String subject, List<Integer> versions, int latestVersion, int latestId, String compatibility) {
    }

    public View view() {
        return cached.get();
    }

    private View read() {
        Instant now = clock.instant();
        try {
            List<Subject> subjects = new ArrayList<>();
            for (String subject : registry.getSubjects().stream().sorted().toList()) {
                SchemaRegistryClient.SubjectVersion latest = registry.getLatest(subject);
                subjects.add(new Subject(subject, registry.getVersions(subject), latest.version(), latest.id(),
                        registry.getCompatibility(subject)));
            }
            return new View(now, List.copyOf(subjects), null);
        } catch (RuntimeException e) {
            return new View(now, List.of(), "the registry could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }
}

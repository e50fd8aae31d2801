package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;

/**
 * The hub's health as {@code /actuator/health} computes it (broker, registry, database and the rest), read at
 * most once per {@code hub.ops.health-refresh}.
 */
public class HealthOverview {

    private final HealthEndpoint health;
    private final Clock clock;
    private final Cached<View> cached;

    public HealthOverview(HealthEndpoint health, Duration refresh, Clock clock) {
        this.health = health;
        this.clock = clock;
        this.cached = new Cached<>(refresh, this::read, clock);
    }

    /**
     * The health at one moment.
     *
     * @param readAt     when it was read
     * @param status     the overall status, e.g. UP
     * @param components each component with its status and details
     */
    public record View(Instant readAt, String status, List<Component> components) {
    }

    /**
     * One health component.
     *
     * @param name    e.g. {@code kafka}, {@code registry}, {@code db}
     * @param status  e.g. UP, DOWN
     * @param details what the indicator reports
     */
    public record Component(String name, String status, Map<String, Object> details) {
    }

    public View view() {
        return cached.get();
    }

    private View read() {
        HealthDescriptor root = health.health();
        List<Component> components = new ArrayList<>();
        if (root instanceof CompositeHealthDescriptor composite) {
            composite.getComponents().forEach((name, d) -> components.add(component(name, d)));
        }
        return new View(clock.instant(), root.getStatus().getCode(), List.copyOf(components));
    }

    private static Component component(String name, HealthDescriptor descriptor) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (descriptor instanceof IndicatedHealthDescriptor indicated && indicated.getDetails() != null) {
            details.putAll(indicated.getDetails());
        } else if (descriptor instanceof CompositeHealthDescriptor composite && composite.getComponents() != null) {
            composite.getComponents().forEach((n, d) -> details.put(n, d.getStatus().getCode()));
        }
        return new Component(name, descriptor.getStatus().getCode(), details);
    }
}

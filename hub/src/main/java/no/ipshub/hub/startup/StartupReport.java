package no.ipshub.hub.startup;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.hub.kafka.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * Logs one line when the hub is ready with where its start-up went: the JVM before Spring, the embedded
 * broker (its own start on a thread of its own, and how long Spring waited for it), Flyway, the schema
 * registration, the topics, the instance lease, the rest of the Spring context (security, MVC, Tomcat, the
 * other beans), and the routes, which Camel starts once the context is refreshed.
 *
 * <p>The bean steps come from the {@link BufferingApplicationStartup} that {@code HubApplication} installs;
 * each bean counts its own time only, not that of the beans it had created first, and a bean created while
 * another one of a step was being made counts for that step. Without that recorder (in tests) the line holds
 * the phases only.
 */
@Component
public class StartupReport implements SmartApplicationListener {

    /** Enough steps for every bean of the hub with room to spare; steps past it are not recorded. */
    public static final int TIMELINE_CAPACITY = 20_000;

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private static final String BEAN_STEP = "spring.beans.instantiate";
    private static final String REFRESH_STEP = "spring.context.refresh";

    /** The steps named in the line, and the beans whose creation makes each of them. */
    private static final Map<String, List<String>> STEPS = steps();

    private final ObjectProvider<EmbeddedKafkaBroker> broker;
    private volatile Instant refreshed;

    public StartupReport(ObjectProvider<EmbeddedKafkaBroker> broker) {
        this.broker = broker;
    }

    private static Map<String, List<String>> steps() {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        steps.put("brokerWait", List.of("embeddedKafkaBroker"));
        steps.put("flyway", List.of("flywayInitializer", "flyway", "dataSource"));
        steps.put("schemaRegistry", List.of("embeddedSchemaRegistry"));
        steps.put("schemaRegistration", List.of("hubSchemaRegistration"));
        steps.put("topics", List.of("topicProvisioner"));
        steps.put("instanceLease", List.of("instanceLease"));
        return steps;
    }

    @Override
    public boolean supportsEventType(Class<? extends org.springframework.context.ApplicationEvent> eventType) {
        return ContextRefreshedEvent.class.isAssignableFrom(eventType)
                || ApplicationReadyEvent.class.isAssignableFrom(eventType);
    }

    /** Before Camel's listener, which starts the routes on the same event. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
        if (event instanceof ContextRefreshedEvent) {
            refreshed = Instant.now();
        } else if (event instanceof ApplicationReadyEvent ready) {
            report(ready);
        }
    }

    private void report(ApplicationReadyEvent ready) {
        Instant now = Instant.now();
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Map<String, Long> millis = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> slowest = List.of();
        BufferingApplicationStartup recorder = 
                ready.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup b ? b : null;
        if (recorder != null) {
            StartupTimeline timeline = recorder.drainBufferedTimeline();
            Instant springStart = timeline.getStartTime();
            millis.put("jvm", Duration.between(jvmStart, springStart).toMillis());
            BeanTimes beans = BeanTimes.of(timeline.getEvents());
            Optional<StartupTimeline.TimelineEvent> refresh = timeline.getEvents().stream()
                    .filter(e -> e.getStartupStep().getName().equals(REFRESH_STEP)).findFirst();
            refresh.ifPresent(r -> millis.put("beforeRefresh", Duration.between(springStart, r.getStartTime()).toMillis()));
            broker.ifAvailable(b -> millis.put("brokerStart", b.startUpTime().toMillis()));
            long named = 0;
            for (Map.Entry<String, List<String>> step : STEPS.entrySet()) {
                long ms = beans.stepMillis(step.getValue());
                named += ms;
                millis.put(step.getKey(), ms);
            }
            long refreshMs = refresh.map(r -> r.getDuration().toMillis()).orElse(0L);
            millis.put("springContext", Math.max(0, refreshMs - named));
            slowest = beans.slowestOutside(5);
        }
        if (refreshed != null) {
            // Camel starts the routes on the refreshed event; then the runners
            millis.put("routes", Duration.between(refreshed, now).toMillis());
        }
        millis.put("total", Duration.between(jvmStart, now).toMillis());
        StringBuilder line = new StringBuilder("Start-up took");
        LoggingEventBuilder event = log.atInfo();
        millis.forEach((step, ms) -> {
            line.append(' ').append(step).append("Ms=").append(ms);
            event.addKeyValue(step + "Ms", ms);
        });
        if (!slowest.isEmpty()) {
            line.append("; slowest other beans:");
            slowest.forEach(bean -> line.append(' ').append(bean.getKey()).append('=').append(bean.getValue()));
        }
        event.setMessage(line.toString()).log();
    }

    /** Each bean's own creation time: its step's length less the beans created inside it. */
    static final class BeanTimes {

        private final Map<Long, Long> selfNanos = new HashMap<>();
        private final Map<Long, Long> parent = new HashMap<>();
        private final Map<Long, String> beanName = new HashMap<>();

        static BeanTimes of(List<StartupTimeline.TimelineEvent> events) {
            BeanTimes times = new BeanTimes();
            for (StartupTimeline.TimelineEvent e : events) {
                StartupStep step = e.getStartupStep();
                if (!step.getName().equals(BEAN_STEP)) {
                    continue;
                }
                String name = null;
                for (StartupStep.Tag tag : step.getTags()) {
                    if (tag.getKey().equals("beanName")) {
                        name = tag.getValue();
                    }
                }
                times.beanName.put(step.getId(), name);
                times.parent.put(step.getId(), step.getParentId());
                times.selfNanos.merge(step.getId(), e.getDuration().toNanos(), Long::sum);
            }
            for (StartupTimeline.TimelineEvent e : events) {
                StartupStep step = e.getStartupStep();
                Long up = step.getParentId();
                if (step.getName().equals(BEAN_STEP) && up != null && times.selfNanos.containsKey(up)) {
                    times.selfNanos.merge(up, -e.getDuration().toNanos(), Long::sum);
                }
            }
            return times;
        }

        /** The time of beans named, and of the unnamed beans created inside them. */
        long stepMillis(List<String> names) {
            long nanos = 0;
            for (Map.Entry<Long, Long> bean : selfNanos.entrySet()) {
                String owner = owner(bean.getKey());
                if (owner != null && names.contains(owner)) {
                    nanos += bean.getValue();
                }
            }
            return Duration.ofNanos(nanos).toMillis();
        }

        /** The nearest bean, this one or one it was created inside, that names a step; null for none. */
        private String owner(long id) {
            Long at = id;
            while (at != null && beanName.containsKey(at)) {
                String name = beanName.get(at);
                if (name != null && STEPS.values().stream().anyMatch(l -> l.contains(name))) {
                    return name;
                }
                at = parent.get(at);
            }
            return null;
        }

        /** The {@code count} slowest beans outside the steps named. */
        List<Map.Entry<String, Long>> slowestOutside(int count) {
            List<Map.Entry<String, Long>> beans = new ArrayList<>();
            selfNanos.forEach((id, nanos) -> {
                String name = beanName.get(id);
                if (name != null && owner(id) == null) {
                    beans.add(Map.entry(name, Duration.ofNanos(nanos).toMillis()));
                }
            });
            beans.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
            return beans.subList(0, Math.min(count, beans.size()));
        }
    }
}

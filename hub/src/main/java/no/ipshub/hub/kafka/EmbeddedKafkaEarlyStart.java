package no.ipshub.hub.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded broker as soon as the configuration is known, on a thread of its own, so that it comes up
 * while Spring builds the rest of the hub (a few seconds of a start-up otherwise spent one after the other). The
 * {@link EmbeddedKafkaBroker} bean takes the broker started here, or starts one itself when none was.
 */
public class EmbeddedKafkaEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Map<HubKafkaProperties.Embedded, CompletableFuture<EmbeddedKafkaBroker>> STARTING =
            new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startEarly(prepared);
        } else if (event instanceof ApplicationFailedEvent) {
            // the hub did not start: a broker nobody took must not keep the process alive
            STARTING.values().forEach(started -> started.thenAccept(EmbeddedKafkaBroker::destroy));
            STARTING.clear();
        }
    }

    private static void startEarly(ApplicationEnvironmentPreparedEvent event) {
        HubKafkaProperties kafka = Binder.get(event.getEnvironment()).bind("hub.kafka", HubKafkaProperties.class)
                .orElse(null);
        if (kafka == null || !kafka.useEmbeddedBroker() || kafka.embedded() == null) {
            return;
        }
        HubKafkaProperties.Embedded settings = kafka.embedded();
        STARTING.computeIfAbsent(settings, s -> CompletableFuture.supplyAsync(() -> EmbeddedKafkaBroker.start(s),
                runnable -> {
                    Thread starter = new Thread(runnable, "embedded-kafka-start");
                    starter.setDaemon(true);
                    starter.start();
                }));
    }

    /** The broker started early with these settings, waited for; otherwise one started now. */
    static EmbeddedKafkaBroker take(HubKafkaProperties.Embedded settings) {
        CompletableFuture<EmbeddedKafkaBroker> started = STARTING.remove(settings);
        if (started == null) {
            return EmbeddedKafkaBroker.start(settings);
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded Kafka broker started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the embedded Kafka broker did not start", e.getCause());
        }
    }
}

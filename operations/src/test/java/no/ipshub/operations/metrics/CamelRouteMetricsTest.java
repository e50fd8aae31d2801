package no.ipshub.operations.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CamelRouteMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CamelRouteMetrics metrics = new CamelRouteMetrics();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        metrics.bindTo(registry);
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(metrics);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:work").routeId("work-route")
                    .process(exchange -> {
                        if ("fail".equals(exchange.getMessage().getBody(String.class))) {
                            throw new IllegalStateException("refused");
                        }
                    });
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void everyCompletedExchangeIsCountedPerRoute() {
        template.sendBody("direct:work", "a");
        template.sendBody("direct:work", "b");

        assertThat(registry.get("camel.route.exchanges").tag("route", "work-route").functionCounter().count())
            .isEqualTo(2.0);
    }

    @Test
    void aFailedExchangeIsCountedAsFailed() {
        template.sendBody("direct:work", "ok");
        catchThrowable(() -> template.sendBody("direct:work", "fail"));

        assertThat(metrics.statistics("work-route")).hasValueSatisfying(stats -> {
            assertThat(stats.exchangesTotal()).isEqualTo(2);
            assertThat(stats.exchangesFailed()).isEqualTo(1);
            assertThat(stats.exchangesInflight()).isZero();
        });
    }

    @Test
    void processingTimesAreExportedAsMeanAndMax() {
        template.sendBody("direct:work", "a");

        assertThat(registry.get("camel.route.processing.mean").tag("route", "work-route").timeGauge()
            .value(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0.0);
        assertThat(registry.get("camel.route.processing.max").tag("route", "work-route").timeGauge()).isNotNull();
        assertThat(registry.get("camel.route.exchanges.inflight").tag("route", "work-route").gauge().value())
            .isZero();
    }

    @Test
    void aRemovedRouteTakesItsMetersAlong() throws Exception {
        camel.getRouteController().stopRoute("work-route");
        camel.removeRoute("work-route");

        assertThat(registry.find("camel.route.exchanges").tag("route", "work-route").meter()).isNull();
        assertThat(metrics.statistics()).isEmpty();
    }
}

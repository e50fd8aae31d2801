package no.ipshub.hub.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/** Each bean's own creation time, and the beans created inside a step's bean counted for that step. */
class StartupReportTest {

    private final BufferingApplicationStartup startup = new BufferingApplicationStartup(100);

    @Test
    void aStepCountsItsBeansOwnTimeAndThatOfUnnamedBeansCreatedInsideIt() throws InterruptedException {
        StartupStep registration = bean("hubSchemaRegistration");
        StartupStep registry = bean("embeddedSchemaRegistry");
        StartupStep helper = bean("registryHelper");
        Thread.sleep(120);
        helper.end();
        registry.end();
        Thread.sleep(40);
        registration.end();
        StartupStep other = bean("someController");
        Thread.sleep(60);
        other.end();

        StartupReport.BeanTimes times = StartupReport.BeanTimes.of(startup.getBufferedTimeline().getEvents());

        assertThat(times.stepMillis(List.of("embeddedSchemaRegistry"))).isGreaterThanOrEqualTo(120);
        assertThat(times.stepMillis(List.of("hubSchemaRegistration"))).isBetween(40L, 119L);
        assertThat(times.slowestOutside(5)).extracting(Map.Entry::getKey).containsExactly("someController");
    }

    private StartupStep bean(String name) {
        return startup.start("spring.beans.instantiate").tag("beanName", name);
    }
}

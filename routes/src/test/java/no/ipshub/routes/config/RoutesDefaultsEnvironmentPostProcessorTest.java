package no.ipshub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RoutesDefaultsEnvironmentPostProcessorTest {

    private final RoutesDefaultsEnvironmentPostProcessor defaults = new RoutesDefaultsEnvironmentPostProcessor();

    @Test
    void defaultTopicNamesResolveAsPropertiesForPlaceholders() {
        StandardEnvironment environment = new StandardEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("hub.topics.collaboration-log")).isEqualTo("ips.collaboration-log-v1");
    }

    @Test
    void configuredTopicNameWinsOverTheDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("hub.topics.dead-letter", "test.deadletter-v1")));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("hub.topics.dead-letter")).isEqualTo("test.deadletter-v1");
    }
}

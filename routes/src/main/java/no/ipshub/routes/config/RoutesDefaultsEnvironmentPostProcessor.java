package no.ipshub.routes.config;

import java.util.LinkedHashMap;
import java.util.Map;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes the default topic names as the lowest-precedence property source, so that
 * {@code {{hub.topics.*}}} placeholders in any module's routes resolve without every application
 * repeating them. Anything the application configures wins.
 */
public class RoutesDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "ipsHubRoutesDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        HubTopics d = HubTopics.defaults();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("hub.topics.referral", d.referral());
        defaults.put("hub.topics.follow-up", d.followUp());
        defaults.put("hub.topics.outcome", d.outcome());
        defaults.put("hub.topics.dead-letter", d.deadLetter());
        defaults.put("hub.topics.collaboration-log", d.collaborationLog());
        defaults.put("hub.topics.ingress", d.ingress());
        defaults.put("hub.topics.inbox", d.inbox());
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}

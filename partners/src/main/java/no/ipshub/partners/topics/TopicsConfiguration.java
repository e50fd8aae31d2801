package no.ipshub.partners.topics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The hub's topic names and partition counts ({@code hub.topics.*}); the provisioner is a component of its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubTopics.class)
public class TopicsConfiguration {
}

package no.ipshub.routes.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The routes' settings ({@code hub.ingress.*}, {@code hub.idempotency.*}); each package wires its own beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngressProperties.class, IdempotencyProperties.class})
public class RoutesConfiguration {
}

package no.ipshub.routes.validation;

import java.time.Clock;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.routes.config.IngressProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the rules every message is held to, on Kafka and over HTTP. */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

    @Bean
    IngressValidator ingressValidator(PartnerDirectory partners, IngressProperties ingress, Clock clock) {
        return new IngressValidator(partners, clock, ingress.clockSkew());
    }
}

package no.ipshub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The IPS Collaboration Hub: one process with routes, partner edges, registry and operations. */
@SpringBootApplication(scanBasePackages = "no.ipshub")
@ConfigurationPropertiesScan("no.ipshub")
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}

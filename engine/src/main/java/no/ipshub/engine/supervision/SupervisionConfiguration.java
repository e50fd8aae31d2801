package no.ipshub.engine.supervision;

import java.time.Clock;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.registry.embedded.EmbeddedSchemaRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry of the hub's long-running loops, shared by every module, and the embedded registry's reader in it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
public class SupervisionConfiguration {

    @Bean
    SupervisedLoops supervisedLoops(RetryProperties retry, SupervisionProperties properties, Clock clock) {
        return new SupervisedLoops(retry, properties.degradedAfter(), clock);
    }

    /** The embedded registry's reader reports here, when the hub runs the embedded registry. */
    @Bean
    EmbeddedSchemaRegistry.ReaderListener registryReaderLoop(SupervisedLoops loops) {
        return new RegistryReaderLoop(loops);
    }
}

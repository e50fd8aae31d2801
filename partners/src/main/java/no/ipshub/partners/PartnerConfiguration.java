package no.ipshub.partners;

import java.time.Clock;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the partner directory: the partner table, filled from the partners file when empty, and its snapshot. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PartnersProperties.class, PartnerDirectoryProperties.class})
public class PartnerConfiguration {

    @Bean
    PartnerStore partnerStore(JdbcTemplate jdbc, Clock clock) {
        return new PartnerStore(jdbc, clock);
    }

    @Bean(destroyMethod = "close")
    JdbcPartnerDirectory partnerDirectory(PartnerStore store, ResourceLoader resources, PartnersProperties file,
            PartnerDirectoryProperties properties, SupervisedLoops loops) {
        return new JdbcPartnerDirectory(store, () -> YamlPartnerDirectory.load(resources, file.partnersFile()),
                properties.refresh(), loops);
    }
}

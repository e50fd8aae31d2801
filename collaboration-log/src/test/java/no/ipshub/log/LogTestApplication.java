package no.ipshub.log;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application the collaboration log's integration tests start: this module's beans plus {@code LogItConfiguration}.
 * The research page ({@code no.ipshub.log.page}) is left out: it signs in with the hub's API-key security, which
 * these tests do not start (the hub's ResearchPageIT covers it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "no\\.ipshub\\.log\\.page\\..*")})
class LogTestApplication {
}

package no.ipshub.log.config;

import no.ipshub.log.api.ResearchAccess;
import no.ipshub.log.api.ResearchAccessInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the research access rules in front of every handler under {@code /api/v1/research} and {@code /research}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchAccessConfiguration implements WebMvcConfigurer {

    private final ResearchAccess access;

    public ResearchAccessConfiguration(ResearchAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ResearchAccessInterceptor(access)).addPathPatterns(ResearchAccessInterceptor.PATHS);
    }
}

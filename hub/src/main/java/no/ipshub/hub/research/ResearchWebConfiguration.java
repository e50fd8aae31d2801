package no.ipshub.hub.research;

import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.connectors.security.BrowserSignInFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Wires the research page: its browser sign-in (the cookie filter and the open sign-in form and assets) and its
 * static files, the page's own under {@code /research/assets/} and htmx and Chart.js from their WebJars under
 * {@code /research/webjars/}, so they fall under the researcher rule of {@code /research/**}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/research/assets/**")
                .addResourceLocations("classpath:/research/assets/")
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/research/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }

    @Bean
    FilterRegistrationBean<BrowserSignInFilter> researchSignInFilter(ApiKeyAuthenticator authenticator) {
        return ResearchSignIn.SIGN_IN.filterRegistration(authenticator);
    }

    /** The sign-in form and the page's own style sheet and script, open to anyone; before the hub's chain. */
    @Bean
    @Order(2)
    SecurityFilterChain researchOpenPaths(HttpSecurity http) throws Exception {
        return ResearchSignIn.SIGN_IN.openPathsFilterChain(http);
    }
}

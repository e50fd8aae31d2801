package no.ipshub.web;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.connectors.security.ApiKeyAuthenticator;
import no.ipshub.web.signin.BrowserSignIn;
import no.ipshub.web.signin.BrowserSignInFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.CompositeFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The web side of every set of the hub's pages (the operations dashboard, the research page), each declared as a
 * {@link BrowserSignIn} bean: the sign-in cookie and CSRF filter before Spring Security, one security chain that
 * opens the sign-in forms and the pages' assets to anyone (they hold nothing secret), and the static files, each
 * set's own under {@code <pages>/assets/} (with the hub's style sheet {@code hub.css} of this module beside them),
 * and htmx and Chart.js from their WebJars under {@code <pages>/webjars/}, so they fall under the pages' rules.
 */
@Configuration(proxyBeanMethods = false)
public class PageWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<BrowserSignIn> signIns;

    public PageWebConfiguration(ObjectProvider<BrowserSignIn> signIns) {
        this.signIns = signIns;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (BrowserSignIn pages : signIns.orderedStream().toList()) {
            registry.addResourceHandler(pages.pagePath() + "/assets/**")
                    .addResourceLocations("classpath:" + pages.pagePath() + "/assets/", "classpath:/web/assets/")
                    .setCacheControl(CacheControl.noCache());
            registry.addResourceHandler(pages.pagePath() + "/webjars/**")
                    .addResourceLocations("classpath:/META-INF/resources/webjars/")
                    .setCacheControl(CacheControl.noCache())
                    .resourceChain(true)
                    .addResolver(new LiteWebJarsResourceResolver());
        }
    }

    /**
     * The sign-in cookie and CSRF check of every set of pages, just before Spring Security so that its API-key
     * authentication sees the key. Each filter acts on its own pages and API only.
     */
    @Bean
    FilterRegistrationBean<CompositeFilter> pageSignInFilter(ApiKeyAuthenticator authenticator) {
        List<Filter> filters = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (BrowserSignIn pages : signIns.orderedStream().toList()) {
            BrowserSignInFilter filter = new BrowserSignInFilter(pages, authenticator);
            // its own name, so that one set's "already filtered" mark is not another's
            filter.setBeanName(pages.name() + "SignInFilter");
            filters.add(filter);
            patterns.addAll(pages.urlPatterns());
        }
        CompositeFilter composite = new CompositeFilter();
        composite.setFilters(filters);
        FilterRegistrationBean<CompositeFilter> registration = new FilterRegistrationBean<>(composite);
        registration.setUrlPatterns(patterns);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setName("pageSignInFilter");
        registration.setEnabled(!filters.isEmpty());
        return registration;
    }

    /**
     * Lets anyone fetch the open paths of every set of pages (the sign-in forms, the pages' style sheets and
     * scripts); everything else stays with the hub's role rules, whose chain comes after this one.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pageOpenPathsFilterChain(HttpSecurity http) throws Exception {
        List<String> open = signIns.orderedStream().flatMap(pages -> pages.openPaths().stream()).toList();
        if (open.isEmpty()) {
            // no pages: a chain that matches no request
            http.securityMatcher(request -> false);
        } else {
            http.securityMatcher(open.toArray(String[]::new));
        }
        http
            // the sign-in form is guarded by its same-origin check; there is no session to protect before it
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        return http.build();
    }
}

package no.ipshub.connectors.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import no.ipshub.connectors.security.AuthenticationGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the edge's limits: the authentication guard the API-key authenticator picks up, the outermost filter
 * that knows the client address and answers refusals, and the per-caller rate limit just after Spring
 * Security. {@code hub.http.rate-limit.enabled=false} leaves all of it out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(prefix = "hub.http.rate-limit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    /** Before the operations cookie filter (security order - 10), which authenticates too. */
    static final int EDGE_FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 50;
    /** Just after Spring Security's chain, where the caller is known. */
    static final int RATE_FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5;

    @Bean
    RequestRateLimiter requestRateLimiter(RateLimitProperties properties) {
        return new RequestRateLimiter(properties.requestsPerSecond(), properties.burst(), System::nanoTime);
    }

    @Bean
    FailedAuthenticationThrottle failedAuthenticationThrottle(RateLimitProperties properties) {
        RateLimitProperties.FailedAuth failed = properties.failedAuth();
        return new FailedAuthenticationThrottle(failed.maxFailures(), failed.window(), failed.trackedClients(),
                System::nanoTime);
    }

    @Bean
    DerivationGate derivationGate(RateLimitProperties properties) {
        RateLimitProperties.Derivations derivations = properties.derivations();
        return new DerivationGate(derivations.effectiveMaxConcurrent(), derivations.maxWait(), derivations.maxWaiting());
    }

    @Bean
    AuthenticationGuard throttlingAuthenticationGuard(FailedAuthenticationThrottle failures, DerivationGate gate) {
        return new ThrottlingAuthenticationGuard(failures, gate);
    }

    @Bean
    ThrottleStatistics throttleStatistics(ObjectProvider<MeterRegistry> registry) {
        return new ThrottleStatistics(registry.getIfAvailable());
    }

    @Bean
    FilterRegistrationBean<EdgeThrottleFilter> edgeThrottleFilter(ThrottleStatistics statistics,
            RequestRateLimiter limiter) {
        FilterRegistrationBean<EdgeThrottleFilter> registration =
                new FilterRegistrationBean<>(new EdgeThrottleFilter(statistics, limiter));
        registration.setOrder(EDGE_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestRateLimitFilter> requestRateLimitFilter(RequestRateLimiter limiter) {
        FilterRegistrationBean<RequestRateLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestRateLimitFilter(limiter));
        registration.setOrder(RATE_FILTER_ORDER);
        return registration;
    }
}

package no.ipshub.connectors.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.partners.PartnerDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Callers present an API key or, when {@code hub.security.token-issuers}
 * names trusted issuers, an access token (a JWT) as a bearer token: partners are found in the partner directory
 * (by key hash, or by the organisation number a token names), operators, researchers and table readers in
 * {@code hub.security.accounts}, table readers added at run time, or by a token's scope. Stateless: no session, no cookie, so CSRF protection has
 * nothing to protect and is off. Anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubSecurityProperties.class)
public class HubSecurityConfiguration {

    private static final String PARTNER = HubRole.PARTNER.name();
    private static final String OPERATOR = HubRole.OPERATOR.name();
    private static final String RESEARCHER = HubRole.RESEARCHER.name();
    private static final String TABLE_READER = HubRole.TABLE_READER.name();

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator(ObjectProvider<PartnerDirectory> partners,
            HubSecurityProperties properties, ObjectProvider<AuthenticationGuard> guard,
            ObjectProvider<RunTimeAccounts> runTime) {
        return new ApiKeyAuthenticator(partners, properties, guard.getIfAvailable(() -> AuthenticationGuard.NONE),
                runTime.getIfAvailable());
    }

    /**
     * The accounts operators add while the hub runs (table readers); none where there is no database (the bean is
     * then null).
     */
    @Bean
    RunTimeAccounts runTimeAccounts(ObjectProvider<JdbcTemplate> jdbc, Clock clock) {
        JdbcTemplate database = jdbc.getIfAvailable();
        return database == null ? null : new RunTimeAccounts(database, clock);
    }

    /**
     * No observations of Spring Security's own filters and authorisation decisions: each request started and
     * stopped a dozen of them, a sixth of the CPU of a message's HTTP request. The request's own
     * {@code http.server.requests} observation stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ProblemResponses securityProblemResponses(ObjectProvider<HttpEdgeProperties> edge) {
        HttpEdgeProperties properties = edge.getIfAvailable();
        return new ProblemResponses(properties == null ? 5 : properties.retryAfterSeconds());
    }

    @Bean
    AccessTokenAuthenticator accessTokenAuthenticator(HubSecurityProperties properties,
            ObjectProvider<PartnerDirectory> partners, Clock clock) {
        return new AccessTokenAuthenticator(properties.tokenIssuers(), partners, clock);
    }

    @Bean
    SecurityFilterChain hubSecurityFilterChain(HttpSecurity http, ApiKeyAuthenticator authenticator,
            AccessTokenAuthenticator tokens, HubSecurityProperties properties, ProblemResponses problems)
            throws Exception {
        boolean tokensAccepted = !properties.tokenIssuers().isEmpty();
        if (tokensAccepted) {
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(resourceServer -> resourceServer
                // API keys travel as bearer values too; only those shaped like a JWT are access tokens
                .bearerTokenResolver(request -> {
                    String token = bearer.resolve(request);
                    return token != null && AccessTokenAuthenticator.looksLikeJwt(token) ? token : null;
                })
                .authenticationManagerResolver(request -> tokens)
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        }
        http
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .addFilterBefore(new ApiKeyAuthenticationFilter(authenticator, problems, tokensAccepted),
                    AnonymousAuthenticationFilter.class)
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .authorizeHttpRequests(rules -> rules
                // error pages and async completions belong to a request that was already authorised
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/messages").hasRole(PARTNER)
                .requestMatchers(HttpMethod.GET, "/api/v1/inbox").hasRole(PARTNER)
                .requestMatchers(HttpMethod.PUT, "/api/v1/webhook").hasRole(PARTNER)
                .requestMatchers(HttpMethod.GET, "/api/v1/webhook").hasRole(PARTNER)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/webhook").hasRole(PARTNER)
                .requestMatchers(HttpMethod.PUT, "/api/v1/roster").hasRole(PARTNER)
                .requestMatchers(HttpMethod.POST, "/api/v1/nhn/messages").hasRole(PARTNER)
                .requestMatchers(HttpMethod.GET, "/api/v1/nhn/deliveries").hasRole(PARTNER)
                // the controller lets a partner read its own sheet only
                .requestMatchers(HttpMethod.GET, "/api/v1/partners/{id}/contract").hasAnyRole(PARTNER, OPERATOR)
                // which of the two may call which research path is the research module's decision, per handler
                .requestMatchers("/api/v1/research/**", "/research", "/research/**").hasAnyRole(RESEARCHER, TABLE_READER)
                .requestMatchers("/ops/**", "/api/v1/ops/**").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/registry/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/registry/**").permitAll()
                // Confluent's "is this schema registered" and compatibility checks are POSTs that change nothing
                .requestMatchers(HttpMethod.POST, "/registry/subjects/{subject}").permitAll()
                .requestMatchers(HttpMethod.POST, "/registry/compatibility/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/registry/**").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.PUT, "/registry/**").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.DELETE, "/registry/**").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/prometheus").permitAll()
                .anyRequest().denyAll());
        return http.build();
    }
}

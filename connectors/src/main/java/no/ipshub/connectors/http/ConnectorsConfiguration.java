package no.ipshub.connectors.http;

import no.ipshub.schemas.json.HubMessageJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the partner HTTP edge: its limits and the JSON form of messages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class ConnectorsConfiguration {

    /** Before every other filter, the security chain and the throttles included: an oversized request costs nothing. */
    static final int SIZE_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpEdgeProperties limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
        registration.setOrder(SIZE_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    EdgeServerLimits edgeServerLimits(HttpEdgeProperties limits) {
        return new EdgeServerLimits(limits);
    }

    @Bean
    HubMessageJson hubMessageJson() {
        return new HubMessageJson();
    }
}

package no.ipshub.connectors.http;

import no.ipshub.schemas.json.HubMessageJson;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the partner HTTP edge: its limits and the JSON form of messages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class ConnectorsConfiguration {

    @Bean
    HubMessageJson hubMessageJson() {
        return new HubMessageJson();
    }
}

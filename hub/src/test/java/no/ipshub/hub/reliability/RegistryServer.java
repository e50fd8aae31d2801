package no.ipshub.hub.reliability;

import java.util.Map;
import no.ipshub.hub.kafka.ExternalKafkaClientSettings;
import no.ipshub.registry.embedded.EmbeddedSchemaRegistryConfiguration;
import no.ipshub.registry.embedded.SchemaRegistryController;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * A stand-alone Confluent-compatible schema registry for the hub to use as its external one: the registry
 * module's own embedded registry (schemas in {@code _schemas} on the test's broker) and its REST API under
 * {@code /registry}, in a Spring context of its own on a fixed port, so a test can stop it and start it again
 * where the hub expects it.
 */
final class RegistryServer implements AutoCloseable {

    private final String bootstrapServers;
    private final int port;
    private ConfigurableApplicationContext context;

    RegistryServer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.port = ReliabilitySupport.freePort();
    }

    /** The URL the hub is given as {@code hub.schema-registry.url}. */
    String url() {
        return "http://127.0.0.1:" + port + "/registry";
    }

    RegistryServer start() {
        // command-line arguments, since they outrank the hub's application.yml on the test class path
        context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=" + port, "--registry.test.bootstrap-servers=" + bootstrapServers);
        return this;
    }

    /** Stops the server: the port refuses connections until {@link #start()}. */
    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Only what serving the registry takes: a web server, Spring MVC and the registry module. Not a
     * {@code @Configuration}, so that the hub's own component scan of {@code no.ipshub} never picks it up.
     */
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import({EmbeddedSchemaRegistryConfiguration.class, SchemaRegistryController.class})
    static class Server {

        @Bean
        KafkaClientSettings kafkaClientSettings(Environment environment) {
            return new ExternalKafkaClientSettings(environment.getRequiredProperty("registry.test.bootstrap-servers"),
                    Map.of(), 1);
        }
    }
}

package no.ipshub.routes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import no.ipshub.routes.support.SwitchableRegistryTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The routes module's application on an in-process broker, an in-memory registry and H2. Every IT class
 * with this annotation shares one application context, and so one broker: tests keep apart by using their
 * own case and message ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import({EmbeddedKafkaTestConfiguration.class, SwitchableRegistryTestConfiguration.class})
public @interface RoutesIntegrationTest {
}

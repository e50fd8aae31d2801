package no.ipshub.connectors.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.ipshub.engine.support.EmbeddedKafkaTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The partner edge on a random port, with the routes behind it on an in-process broker, the mock:// registry
 * and H2. All test classes with this annotation share one application and one broker; tests keep apart by
 * their own case and message ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedKafkaTestConfiguration.class)
public @interface PartnerEdgeTest {
}

package no.ipshub.connectors.messages;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import no.ipshub.connectors.http.HttpEdgeProperties;
import no.ipshub.connectors.http.UnavailableDependencyAdvice;
import no.ipshub.connectors.security.ApiKeyAuthentication;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryClients;
import no.ipshub.routes.cases.CasePartyStore;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.idempotency.ProcessedMessageStore;
import no.ipshub.routes.intake.MessageIntake;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.schema.HubSchemaRegistration;
import no.ipshub.routes.support.TestPartners;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.json.HubMessageJson;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/*
 * Kafka does not acknowledge: the partner gets 503 with Retry-After, and since nothing was recorded, sending
 * the same message again later is safe. The controller runs on MockMvc with the real intake service, an H2
 * database and Kafka's MockProducer set to fail.
 */
class MessagesUnavailableIT {

    private final MockProducer<byte[], byte[]> kafka = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private MockMvc mvc;

    @BeforeEach
    void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:unavailable-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        HubTopics topics = HubTopics.defaults();
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://unavailable-" + UUID.randomUUID());
        HubSchemaRegistration.subjects(topics, TestPartners.all()).forEach(registry::register);
        MessageIntake intake = new MessageIntake(
                new IngressValidator(TestPartners.directory(), Clock.systemUTC(), Duration.ofMinutes(5)),
                new CasePartyStore(jdbc), new ProcessedMessageStore(jdbc), new HubProducer(kafka, Duration.ofSeconds(2)),
                new HubWireCodec(registry), topics, new TransactionTemplate(new DataSourceTransactionManager(h2)),
                Clock.systemUTC(), Duration.ofSeconds(2));
        HttpEdgeProperties properties = new HttpEdgeProperties(DataSize.ofKilobytes(256), 100, 7);
        mvc = MockMvcBuilders.standaloneSetup(new MessagesController(intake, new HubMessageJson(), properties))
                .setControllerAdvice(new UnavailableDependencyAdvice(properties))
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                .build();
        SecurityContextHolder.getContext().setAuthentication(ApiKeyAuthentication.partner(TestPartners.all().get(0)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void messageKafkaDoesNotAcknowledgeIs503WithRetryAfter() throws Exception {
        kafka.sendException = new TimeoutException("no ack");
        String json = new HubMessageJson().toJson(HubMessages.referral().build());

        mvc.perform(post(MessagesController.PATH).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.status").value(503));
    }
}

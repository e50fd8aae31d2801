package no.ipshub.routes.intake;

import static no.ipshub.routes.support.TestPartners.NAV_OFFICE;
import static no.ipshub.routes.support.TestPartners.OTHER_TEAM;
import static no.ipshub.routes.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.client.SchemaRegistryClients;
import no.ipshub.routes.cases.CasePartyStore;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.idempotency.ProcessedMessageStore;
import no.ipshub.routes.intake.IntakeResult.Status;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.schema.HubSchemaRegistration;
import no.ipshub.routes.support.TestPartners;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake service on a real (H2) database and Kafka's MockProducer: idempotency, case parties within a
 * batch and across restarts, and what a failure between publishing and recording leaves behind.
 */
class MessageIntakeIT {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final HubTopics topics = HubTopics.defaults();
    private JdbcTemplate jdbc;
    private FlakyTransactions transactions;
    private SchemaRegistryClient registry;
    private MockProducer<byte[], byte[]> kafka;
    private MessageIntake intake;

    /** A transaction manager that refuses to begin while told to, as a database that just went away does. */
    static final class FlakyTransactions extends DataSourceTransactionManager {
        volatile boolean failing;

        FlakyTransactions(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            if (failing) {
                throw new CannotCreateTransactionException("the test took the database away");
            }
            super.doBegin(transaction, definition);
        }
    }

    @BeforeEach
    void start() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:intake-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(h2);
        transactions = new FlakyTransactions(h2);
        registry = SchemaRegistryClients.create("mock://intake-" + UUID.randomUUID());
        HubSchemaRegistration.subjects(topics, TestPartners.all()).forEach(registry::register);
        kafka = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        intake = newIntake(kafka);
    }

    /** An intake as a freshly started hub has it: nothing in memory, everything in the database. */
    private MessageIntake newIntake(MockProducer<byte[], byte[]> producer) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new MessageIntake(new IngressValidator(TestPartners.directory(), clock, Duration.ofMinutes(5)),
                new CasePartyStore(jdbc), new ProcessedMessageStore(jdbc),
                new HubProducer(producer, Duration.ofSeconds(5)), new HubWireCodec(registry), topics,
                new TransactionTemplate(transactions), clock, Duration.ofSeconds(5));
    }

    private static HubMessage referral(String caseId) {
        return HubMessages.referral().caseId(caseId).build();
    }

    private static HubMessage acceptance(String caseId) {
        return HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(NAV_OFFICE).recipient(TEAM)
                .build();
    }

    private static Submission from(String partner, HubMessage message) {
        return new Submission(message, partner);
    }

    @Test
    void acceptedReferralIsPublishedToTheReferralTopic() {
        intake.submit(referral("c-1"), TEAM);

        assertThat(kafka.history()).extracting(r -> r.topic()).containsExactly(topics.referral());
    }

    @Test
    void repeatedMessageIdIsADuplicate() {
        HubMessage referral = referral("c-1");
        intake.submit(referral, TEAM);

        assertThat(intake.submit(referral, TEAM).status()).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void repeatedMessageIsNotPublishedAgain() {
        HubMessage referral = referral("c-1");
        intake.submit(referral, TEAM);
        intake.submit(referral, TEAM);

        assertThat(kafka.history()).hasSize(1);
    }

    @Test
    void messageIdAlreadyUsedByAnotherPartnerIsRejected() {
        HubMessage referral = referral("c-1");
        intake.submit(referral, TEAM);
        HubMessage copycat = HubMessages.referral().messageId(referral.getMessageId()).caseId("c-2").sender(OTHER_TEAM)
                .build();

        assertThat(intake.submit(copycat, OTHER_TEAM).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.MESSAGE_ID_IN_USE);
    }

    @Test
    void sameMessageTwiceInOneBatchIsPublishedOnce() {
        HubMessage referral = referral("c-1");

        assertThat(intake.submitAll(List.of(from(TEAM, referral), from(TEAM, referral))))
                .extracting(IntakeResult::status).containsExactly(Status.ACCEPTED, Status.DUPLICATE);
    }

    @Test
    void acceptanceInTheSameBatchAfterItsReferralIsAccepted() {
        List<IntakeResult> results = intake.submitAll(List.of(from(TEAM, referral("c-1")),
                from(NAV_OFFICE, acceptance("c-1"))));

        assertThat(results).extracting(IntakeResult::status).containsExactly(Status.ACCEPTED, Status.ACCEPTED);
    }

    @Test
    void acceptanceBeforeItsReferralInTheBatchIsNotACaseParty() {
        List<IntakeResult> results = intake.submitAll(List.of(from(NAV_OFFICE, acceptance("c-1")),
                from(TEAM, referral("c-1"))));

        assertThat(results.get(0).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.NOT_A_CASE_PARTY);
    }

    @Test
    void caseOpenedBeforeARestartStillAcceptsFollowUps() {
        intake.submit(referral("c-1"), TEAM);

        MessageIntake afterRestart = newIntake(new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()));

        assertThat(afterRestart.submit(acceptance("c-1"), NAV_OFFICE).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void messageKafkaDidNotAcknowledgeIsNotRecordedSoSendingItAgainIsAccepted() {
        HubMessage referral = referral("c-1");
        kafka.sendException = new TimeoutException("no ack");
        assertThatThrownBy(() -> intake.submit(referral, TEAM)).isInstanceOf(TransientFailureException.class);
        kafka.sendException = null;

        assertThat(intake.submit(referral, TEAM).status()).isEqualTo(Status.ACCEPTED);
    }

    /* The hub published the message, then failed to record it (it crashed, or the database went away).
       Sending the message again publishes it a second time: a duplicate on the canonical topic, which the
       inbox store absorbs, never a loss. */
    @Test
    void failureBetweenPublishingAndRecordingLeadsToADuplicateNotALoss() {
        HubMessage referral = referral("c-1");
        transactions.failing = true;
        assertThatThrownBy(() -> intake.submit(referral, TEAM)).isInstanceOf(CannotCreateTransactionException.class);
        transactions.failing = false;

        intake.submit(referral, TEAM);

        assertThat(kafka.history()).hasSize(2);
    }

    /* Two HTTP requests with the same message id arrive at the same time: the second waits for the first,
       then gets the first one's answer as a duplicate; the message is published once. */
    @Test
    void concurrentCopiesOfAMessageArePublishedOnce() throws Exception {
        MockProducer<byte[], byte[]> slowKafka = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        MessageIntake slowIntake = newIntake(slowKafka);
        HubMessage referral = referral("c-1");

        CompletableFuture<IntakeResult> first = CompletableFuture.supplyAsync(() -> slowIntake.submit(referral, TEAM));
        await().atMost(Duration.ofSeconds(5)).until(() -> slowKafka.history().size() == 1);
        CompletableFuture<IntakeResult> second = CompletableFuture.supplyAsync(() -> slowIntake.submit(referral, TEAM));
        slowKafka.completeNext();

        assertThat(List.of(first.get(5, TimeUnit.SECONDS).status(), second.get(5, TimeUnit.SECONDS).status()))
                .containsExactly(Status.ACCEPTED, Status.DUPLICATE);
        assertThat(slowKafka.history()).hasSize(1);
    }
}

package no.ipshub.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.routes.support.InMemoryPartition;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader of this instance's reply partition, on an in-memory partition whose consumer can be made to fail:
 * a failure escaping a poll must not end the answers to HTTP submissions, and the loops registry shows it.
 */
class IntakeRepliesTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String TOPIC = "ips.intake-reply-v1";

    private final InMemoryPartition replyPartition = new InMemoryPartition(TOPIC, 3);
    private final SupervisedLoops loops = new SupervisedLoops(
            new RetryProperties(Duration.ofMillis(50), 2.0, Duration.ofMillis(200)), Duration.ofSeconds(60),
            Clock.systemUTC());
    private final CountDownLatch restartAllowed = new CountDownLatch(1);
    private volatile boolean holdRestarts;
    private IntakeReplies replies;

    @BeforeEach
    void start() throws InterruptedException {
        replies = new IntakeReplies(this::newReader, TOPIC, 3, loops);
        replies.awaitReady(BOUND);
    }

    @AfterEach
    void stop() throws InterruptedException {
        replies.close();
    }

    @Test
    void aRequestIsAnsweredFromItsReplyRecord() throws Exception {
        String messageId = UUID.randomUUID().toString();
        CompletableFuture<IntakeResult> answer = replies.expect("request-1");

        reply("request-1", IntakeResult.accepted(messageId));

        assertThat(answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(IntakeResult.accepted(messageId));
    }

    @Test
    void answersResumeAfterAPollFailed() throws Exception {
        replyPartition.latestReader().failNextPoll(new KafkaException("the connection to the broker broke"));
        String messageId = UUID.randomUUID().toString();
        CompletableFuture<IntakeResult> answer = replies.expect("request-after-failure");

        reply("request-after-failure", IntakeResult.accepted(messageId));

        assertThat(answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(IntakeResult.accepted(messageId));
    }

    @Test
    void theRestartShowsInTheLoopsRegistry() {
        replyPartition.latestReader().failNextPoll(new KafkaException("the connection to the broker broke"));

        await().atMost(BOUND).until(() -> replyPartition.readers().size() == 2
                && loops.status(IntakeReplies.LOOP).orElseThrow().state() == LoopState.RUNNING);

        LoopStatus status = loops.status(IntakeReplies.LOOP).orElseThrow();
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.lastFailure()).isEqualTo("KafkaException: the connection to the broker broke");
        assertThat(replyPartition.readers().get(0).closed()).isTrue();
    }

    /*
     * The answer is written while the reader is away (its poll failed, its new consumer is not made yet): the
     * request still waiting gets it, since the new consumer goes on from where the old one stopped.
     */
    @Test
    void anAnswerWrittenWhileTheReaderRestartsReachesTheRequestWaitingForIt() throws Exception {
        String messageId = UUID.randomUUID().toString();
        CompletableFuture<IntakeResult> answer = replies.expect("request-during-restart");
        holdRestarts = true;
        replyPartition.latestReader().failNextPoll(new KafkaException("the connection to the broker broke"));
        await().atMost(BOUND).until(() -> loops.status(IntakeReplies.LOOP).orElseThrow().failures() == 1);

        reply("request-during-restart", IntakeResult.accepted(messageId));
        restartAllowed.countDown();

        assertThat(answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(IntakeResult.accepted(messageId));
    }

    @Test
    void aReaderThatCannotBeRestartedRefusesNewRequestsAtOnce() throws InterruptedException {
        replies.close();
        replies = new IntakeReplies(() -> {
            throw new NoClassDefFoundError("org/apache/kafka/clients/consumer/KafkaConsumer");
        }, TOPIC, 3, loops);
        await().atMost(BOUND).until(() -> loops.status(IntakeReplies.LOOP).orElseThrow().state() == LoopState.DOWN);

        assertThatThrownBy(() -> replies.expect("request-to-a-dead-reader"))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("cannot read the answers");
    }

    /** A new consumer of the reply partition; while restarts are held, only once the test allows it. */
    private InMemoryPartition.Reader newReader() {
        if (holdRestarts) {
            try {
                restartAllowed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return replyPartition.newReader();
    }

    private void reply(String requestId, IntakeResult result) {
        replyPartition.append(requestId.getBytes(StandardCharsets.UTF_8), IntakeReplyCodec.encode(result));
    }
}

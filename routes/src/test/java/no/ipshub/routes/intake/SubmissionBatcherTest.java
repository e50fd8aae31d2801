package no.ipshub.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.schemas.fixtures.HubMessages;
import org.junit.jupiter.api.Test;

class SubmissionBatcherTest {

    private static final Function<List<Submission>, List<IntakeResult>> ACCEPT_ALL = batch -> batch.stream()
            .map(s -> IntakeResult.accepted(s.message().getMessageId()))
            .toList();

    @Test
    void eachCallerGetsTheResultOfItsOwnSubmission() throws Exception {
        try (SubmissionBatcher batcher = new SubmissionBatcher(ACCEPT_ALL, 2, 64)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Submission submission = new Submission(HubMessages.referral().build(), "team");
                answers.add(callers.submit(() ->
                        batcher.submit(submission).messageId().equals(submission.message().getMessageId())));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
            callers.shutdown();
        }
    }

    @Test
    void submissionsWaitingTogetherShareOneBatch() throws Exception {
        // The first batch is held until all eight callers have queued, so the second batch takes the rest at once.
        CountDownLatch allQueued = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        Function<List<Submission>, List<IntakeResult>> slowFirst = batch -> {
            if (batches.incrementAndGet() == 1) {
                try {
                    allQueued.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ACCEPT_ALL.apply(batch);
        };
        try (SubmissionBatcher batcher = new SubmissionBatcher(slowFirst, 1, 64)) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<IntakeResult>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(() -> batcher.submit(new Submission(HubMessages.referral().build(), "team"))));
                if (i == 0) {
                    while (batches.get() == 0) {
                        Thread.onSpinWait();
                    }
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> batcher.waiting() == 7);
            allQueued.countDown();
            for (Future<IntakeResult> answer : answers) {
                answer.get(10, TimeUnit.SECONDS);
            }
            callers.shutdown();
            assertThat(batches.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailedBatchFailsEveryCallerInItWithTheSameError() {
        TransientFailureException away = new TransientFailureException("database away", null);
        try (SubmissionBatcher batcher = new SubmissionBatcher(batch -> {
            throw away;
        }, 1, 64)) {
            assertThatThrownBy(() -> batcher.submit(new Submission(HubMessages.referral().build(), "team")))
                    .isSameAs(away);
        }
    }

    @Test
    void aClosedBatcherRefusesNewSubmissionsAsTransient() {
        SubmissionBatcher batcher = new SubmissionBatcher(ACCEPT_ALL, 1, 64);
        batcher.close();
        assertThatThrownBy(() -> batcher.submit(new Submission(HubMessages.referral().build(), "team")))
                .isInstanceOf(TransientFailureException.class);
    }
}

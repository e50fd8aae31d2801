package no.ipshub.operations.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagAlertThresholdsTest {

    private static final LagAlertThresholds THRESHOLDS = new LagAlertThresholds(1000, Duration.ofMinutes(15));

    @Test
    void aGroupThatIsCaughtUpIsNoAlert() {
        assertThat(THRESHOLDS.reasons(0, null, 0)).isEmpty();
    }

    @Test
    void aSmallBacklogOfRecentRecordsIsNoAlert() {
        assertThat(THRESHOLDS.reasons(999, Duration.ofMinutes(14).plusSeconds(59), 0)).isEmpty();
    }

    @Test
    void aBacklogOfTheThresholdsRecordsIsAnAlert() {
        assertThat(THRESHOLDS.reasons(1000, Duration.ofSeconds(1), 0)).containsExactly(LagAlertReason.RECORDS);
    }

    @Test
    void oneRecordWaitingAsLongAsTheThresholdIsAnAlert() {
        assertThat(THRESHOLDS.reasons(1, Duration.ofMinutes(15), 0)).containsExactly(LagAlertReason.OLDEST_AGE);
    }

    @Test
    void anUnknownAgeAlertsOnlyByRecords() {
        assertThat(THRESHOLDS.reasons(5, null, 0)).isEmpty();
    }

    /* An age left from an earlier sample means nothing once the group has caught up. */
    @Test
    void anAgeWithoutABacklogIsNoAlert() {
        assertThat(THRESHOLDS.reasons(0, Duration.ofDays(2), 0)).isEmpty();
    }

    @Test
    void recordsDeletedBeforeTheGroupReadThemAreAnAlert() {
        assertThat(THRESHOLDS.reasons(3, Duration.ofSeconds(1), 40)).containsExactly(LagAlertReason.EXPIRED);
    }

    @Test
    void everyReasonThatHoldsIsNamed() {
        assertThat(THRESHOLDS.reasons(5000, Duration.ofHours(1), 1)).containsExactly(LagAlertReason.RECORDS,
                LagAlertReason.OLDEST_AGE, LagAlertReason.EXPIRED);
    }

    @Test
    void anAlertAgeNotShorterThanTheRetentionIsRefused() {
        LagAlertThresholds late = new LagAlertThresholds(1000, Duration.ofDays(30));

        assertThatThrownBy(() -> late.requireShorterThan(Duration.ofDays(30), "hub.topics.ingress-retention"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.topics.ingress-retention");
    }

    @Test
    void anAlertAgeShorterThanTheRetentionIsAccepted() {
        THRESHOLDS.requireShorterThan(Duration.ofDays(30), "hub.topics.ingress-retention");
    }

    @Test
    void aThresholdOfNoRecordsIsRefused() {
        assertThatThrownBy(() -> new LagAlertThresholds(0, Duration.ofMinutes(15)))
                .hasMessageContaining("hub.ops.lag-alert.records");
    }
}

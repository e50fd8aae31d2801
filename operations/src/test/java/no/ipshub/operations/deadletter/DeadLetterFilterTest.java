package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void blankParametersMeanNoRestriction() {
        DeadLetterFilter filter = DeadLetterFilter.parse(" ", "", null, "", null, OSLO);

        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter.where().sql()).isEqualTo("1=1");
    }

    @Test
    void reasonAndStatusAreReadCaseInsensitively() {
        DeadLetterFilter filter = DeadLetterFilter.parse(null, "wrong_magic_byte", "open", null, null, OSLO);

        assertThat(filter.reasonCode()).isEqualTo("WRONG_MAGIC_BYTE");
        assertThat(filter.status()).isEqualTo(DeadLetterStatus.OPEN);
    }

    @Test
    void anUnknownReasonIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> DeadLetterFilter.parse(null, "BAD_LUCK", null, null, null, OSLO))
                .isInstanceOfSatisfying(DeadLetterRequestException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void aPartnerIdWithCharactersOutsideTheIdAlphabetIsRefused() {
        assertThatThrownBy(() -> DeadLetterFilter.parse("Nav Bergenhus", null, null, null, null, OSLO))
                .isInstanceOfSatisfying(DeadLetterRequestException.class, e -> assertThat(e.field()).isEqualTo("partner"));
    }

    @Test
    void anInstantIsTakenAsIs() {
        DeadLetterFilter filter = DeadLetterFilter.parse(null, null, null, "2025-03-03T09:00:00Z", null, OSLO);

        assertThat(filter.from()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
    }

    @Test
    void aDateInFromStartsThatDayInTheZone() {
        DeadLetterFilter filter = DeadLetterFilter.parse(null, null, null, "2025-03-03", null, OSLO);

        assertThat(filter.from()).isEqualTo(Instant.parse("2025-03-02T23:00:00Z"));
    }

    @Test
    void aDateInToIncludesThatWholeDay() {
        DeadLetterFilter filter = DeadLetterFilter.parse(null, null, null, null, "2025-03-03", OSLO);

        assertThat(filter.to()).isEqualTo(Instant.parse("2025-03-03T23:00:00Z"));
    }

    @Test
    void aLocalDateTimeIsReadInTheZone() {
        DeadLetterFilter filter = DeadLetterFilter.parse(null, null, null, "2025-07-01T10:00", null, OSLO);

        assertThat(filter.from()).isEqualTo(Instant.parse("2025-07-01T08:00:00Z"));
    }

    @Test
    void anUnreadableTimeIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> DeadLetterFilter.parse(null, null, null, null, "yesterday", OSLO))
                .isInstanceOfSatisfying(DeadLetterRequestException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> DeadLetterFilter.parse(null, null, null, "2025-03-04", "2025-03-03", OSLO))
                .isInstanceOf(DeadLetterRequestException.class);
    }

    @Test
    void theSqlConditionCombinesEveryPartWithNamedParameters() {
        DeadLetterFilter filter = DeadLetterFilter.parse("haukeland-tsb", "INVALID_CONTENT", "OPEN",
                "2025-03-03T00:00:00Z", "2025-03-04T00:00:00Z", OSLO);

        DeadLetterFilter.Where where = filter.where();

        assertThat(where.sql()).isEqualTo("partner = :partner AND reason_code = :reasonCode AND status = :status"
                + " AND last_failure_at >= :from AND last_failure_at < :to");
        assertThat(where.params()).containsEntry("partner", "haukeland-tsb")
                .containsEntry("status", "OPEN")
                .containsEntry("from", OffsetDateTime.of(2025, 3, 3, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void withStatusKeepsTheRestOfTheFilter() {
        DeadLetterFilter filter = DeadLetterFilter.parse("haukeland-tsb", null, null, null, null, OSLO)
                .withStatus(DeadLetterStatus.OPEN);

        assertThat(filter.partner()).isEqualTo("haukeland-tsb");
        assertThat(filter.status()).isEqualTo(DeadLetterStatus.OPEN);
    }
}

package no.ipshub.routes.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.schemas.bounds.Characters;
import no.ipshub.schemas.bounds.ContractBounds;
import no.ipshub.schemas.bounds.FieldBound;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/*
 * Generated hostile values for every bounded string field of the contracts: random lengths over the bound, random
 * characters of every kind. Each is named with its rule, never echoed, and answered without asking the case's state.
 */
class IngressValidatorBoundsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final int SAMPLES_PER_FIELD = 40;
    private static final String PAYLOAD = "payload.";

    private final Random random = new Random(18L);
    private final IngressValidator validator = new IngressValidator(TestPartners.directory(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    /** Case parties that fail the test when asked: a message out of its bounds is answered without the state. */
    private static final CaseParties MUST_NOT_BE_ASKED = (caseId, a, b) -> {
        throw new AssertionError("the case's state was consulted for a message out of its bounds");
    };

    private static List<FieldBound> textBounds() {
        return ContractBounds.all().stream().filter(b -> b.characters() != Characters.SYMBOL).toList();
    }

    /** A valid message whose envelope or payload has the bound's field, with the field set to {@code value}. */
    private static HubMessage messageWith(FieldBound bound, String value) {
        String record = bound.records().get(0);
        HubMessage message = switch (record) {
            case "Referral" -> HubMessages.referral().build();
            case "Outcome" -> HubMessages.outcome(OutcomeKind.JOB_STARTED).build();
            // a follow-up goes through the case-parties check, the one that must not be reached
            default -> HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED).build();
        };
        if (bound.field().startsWith(PAYLOAD)) {
            ((GenericRecord) message.getPayload()).put(bound.field().substring(PAYLOAD.length()), value);
        } else {
            message.put(bound.field(), value);
        }
        return message;
    }

    private List<Violation> validate(HubMessage message, CaseParties parties) {
        return validator.validate(message, HubMessages.TEAM, parties);
    }

    /** Any UTF-16 units at all: control characters, lone surrogates, private use, quotes, ... */
    private String anyCharacters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    /** A value within the bound made only of characters the bound allows. */
    private String allowedValueOfLength(FieldBound bound, int length) {
        String alphabet = switch (bound.characters()) {
            case UUID -> length == bound.maxLength() ? null : "0123456789abcdef-";
            case CASE_ID -> "abcXYZ019._:-";
            case PARTNER_ID -> "abz09-";
            case DIGITS -> "0123456789";
            case UPPER_CASE_CODE -> "ABZ09_";
            case CODE -> "abcXYZ09._-";
            default -> "Ærlig talt, 😀 «sitat» !\"#";
        };
        if (alphabet == null) {
            return UUID.randomUUID().toString();
        }
        StringBuilder text = new StringBuilder(bound.characters() == Characters.UPPER_CASE_CODE ? "A" : "a");
        while (text.length() < length) {
            int at = random.nextInt(alphabet.length());
            // keep a surrogate pair whole
            if (Character.isSurrogate(alphabet.charAt(at))) {
                if (text.length() + 2 > length) {
                    continue;
                }
                int start = Character.isLowSurrogate(alphabet.charAt(at)) ? at - 1 : at;
                text.append(alphabet, start, start + 2);
            } else {
                text.append(alphabet.charAt(at));
            }
        }
        return text.substring(0, length);
    }

    @Test
    void everyFieldLongerThanItsBoundIsOutOfRangeNamingTheField() {
        for (FieldBound bound : textBounds()) {
            IntStream.range(0, SAMPLES_PER_FIELD).forEach(i -> {
                int length = bound.maxLength() + 1 + random.nextInt(bound.maxLength() * 20);
                String value = i % 2 == 0 ? anyCharacters(length) : allowedValueOfLength(bound, length);

                assertThat(validate(messageWith(bound, value), MUST_NOT_BE_ASKED))
                        .as(bound.field() + " of " + length + " characters")
                        .extracting(Violation::field, Violation::code)
                        .contains(tuple(bound.field(), ViolationCode.OUT_OF_RANGE));
            });
        }
    }

    @Test
    void aFieldOutOfItsBoundGetsOneViolationOnThatField() {
        for (FieldBound bound : textBounds()) {
            String value = anyCharacters(bound.maxLength() + 1);

            assertThat(validate(messageWith(bound, value), MUST_NOT_BE_ASKED))
                    .as(bound.field()).filteredOn(v -> v.field().equals(bound.field())).hasSize(1);
        }
    }

    @Test
    void seventyThousandCharactersOfAnyFieldAreNamedWithoutEchoingAnyOfThem() {
        for (FieldBound bound : textBounds()) {
            String value = "17859012310" + anyCharacters(70_000);

            List<Violation> violations = validate(messageWith(bound, value), MUST_NOT_BE_ASKED);

            assertThat(violations).as(bound.field()).isNotEmpty().allSatisfy(v ->
                    assertThat(v.message()).doesNotContain("17859012310").hasSizeLessThan(200));
        }
    }

    @Test
    void aValueOfExactlyTheBoundsLengthIsNotOutOfRange() {
        for (FieldBound bound : textBounds()) {
            IntStream.range(0, SAMPLES_PER_FIELD).forEach(i -> {
                String value = allowedValueOfLength(bound, bound.maxLength());

                assertThat(validate(messageWith(bound, value), (c, a, b) -> true)).as(bound.field())
                        .extracting(Violation::field, Violation::code)
                        .doesNotContain(tuple(bound.field(), ViolationCode.OUT_OF_RANGE));
            });
        }
    }

    @Test
    void freeTextWithinItsLengthIsAcceptedWhateverItsScript() {
        for (FieldBound bound : textBounds()) {
            if (bound.characters() != Characters.LINE && bound.characters() != Characters.TEXT) {
                continue;
            }
            IntStream.range(0, SAMPLES_PER_FIELD).forEach(i -> {
                String value = allowedValueOfLength(bound, 1 + random.nextInt(bound.maxLength()));

                assertThat(validate(messageWith(bound, value), (c, a, b) -> true)).as(bound.field()).isEmpty();
            });
        }
    }

    @Test
    void freeTextWithAControlCharacterOrALoneSurrogateIsAnInvalidFormat() {
        char[] odd = {'\0', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff'};
        for (FieldBound bound : textBounds()) {
            if (bound.characters() != Characters.LINE && bound.characters() != Characters.TEXT) {
                continue;
            }
            for (char c : odd) {
                String value = "before " + c + " after";

                assertThat(validate(messageWith(bound, value), MUST_NOT_BE_ASKED))
                        .as("%s with U+%04X", bound.field(), (int) c)
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(tuple(bound.field(), ViolationCode.INVALID_FORMAT));
            }
        }
    }

    @Test
    void anyOtherCharactersInAFieldWithAPatternAreNamedWithoutEchoingThem() {
        for (FieldBound bound : textBounds()) {
            if (bound.characters() == Characters.LINE || bound.characters() == Characters.TEXT) {
                continue;
            }
            IntStream.range(0, SAMPLES_PER_FIELD).forEach(i -> {
                String value = anyCharacters(1 + random.nextInt(bound.maxLength())) + "\u00e6";

                List<Violation> violations = validate(messageWith(bound, value), (c, a, b) -> true);

                assertThat(violations).as(bound.field()).extracting(Violation::field).contains(bound.field());
                assertThat(violations).allSatisfy(v -> assertThat(v.message()).doesNotContain(value));
            });
        }
    }
}

package no.ipshub.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/* Documents made to cost the parser: each is refused, or read, within a fraction of a second. */
class HubMessageJsonLimitsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(1);

    private final HubMessageJson json = new HubMessageJson();

    private List<FieldError> errorsOf(String text) {
        return assertTimeoutPreemptively(QUICKLY,
                () -> catchThrowableOfType(HubMessageJsonException.class, () -> json.fromJson(text)).errors());
    }

    /** The message's JSON with {@code "extra": <value>} added as an unknown property. */
    private String withUnknownProperty(String value) {
        String message = json.toJson(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build());
        return message.substring(0, message.length() - 1) + ",\"extra\":" + value + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e100000000", "1E-100000000", "-7e2147483647", "0.000001e-99999990"})
    void aWageWithAHugeExponentIsNamedAtOnce(String wage) {
        String outcome = json.toJson(HubMessages.outcome(OutcomeKind.JOB_STARTED).build())
                .replaceFirst("\"hourlyWage\":[0-9.]+", "\"hourlyWage\":" + wage);

        assertThat(errorsOf(outcome)).extracting(FieldError::field).containsExactly("payload.hourlyWage");
    }

    @Test
    void anUnknownPropertyNestedDeeperThanTheLimitRefusesTheDocument() {
        String deep = "[".repeat(JsonReadLimits.MAX_NESTING_DEPTH) + "]".repeat(JsonReadLimits.MAX_NESTING_DEPTH);

        assertThat(errorsOf(withUnknownProperty(deep))).singleElement().extracting(FieldError::field).isEqualTo("$");
    }

    @Test
    void aNumberLongerThanTheLimitRefusesTheDocument() {
        assertThat(errorsOf(withUnknownProperty("1" + "0".repeat(JsonReadLimits.MAX_NUMBER_LENGTH))))
                .singleElement().extracting(FieldError::field).isEqualTo("$");
    }

    @Test
    void aPropertyNameLongerThanTheLimitRefusesTheDocument() {
        String message = json.toJson(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build());
        String text = "{\"" + "n".repeat(JsonReadLimits.MAX_NAME_LENGTH + 1) + "\":1," + message.substring(1);

        assertThat(errorsOf(text)).singleElement().extracting(FieldError::field).isEqualTo("$");
    }

    @Test
    void anArrayOfMoreTokensThanTheLimitRefusesTheDocument() {
        String many = "[" + "0,".repeat((int) JsonReadLimits.MAX_TOKEN_COUNT) + "0]";

        assertThat(errorsOf(withUnknownProperty(many))).singleElement().extracting(FieldError::field).isEqualTo("$");
    }

    @Test
    void theRefusalOfADocumentNamesTheLimitWithoutTheInput() {
        String secret = "17859012310";
        String text = withUnknownProperty("[\"" + secret + "\"," + "[".repeat(JsonReadLimits.MAX_NESTING_DEPTH) + "]");

        assertThat(errorsOf(text)).singleElement().extracting(FieldError::message).asString()
                .contains("limits").doesNotContain(secret);
    }

    /* A field far longer than its bound is still read, so that the hub's rules can name it (422, not 400). */
    @Test
    void aMessageIdOfSeventyThousandCharactersIsReadForTheRulesToName() {
        String message = json.toJson(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build())
                .replaceFirst("\"messageId\":\"[^\"]+\"", "\"messageId\":\"" + "7".repeat(70_000) + "\"");

        assertThat(assertTimeoutPreemptively(QUICKLY, () -> json.fromJson(message)).getMessageId()).hasSize(70_000);
    }
}

package no.ipshub.operations.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MessageMaskingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode referral(String note) {
        return JSON.readTree("{\"messageId\":\"m-1\",\"payload\":{\"type\":\"referral\",\"participantNationalId\":"
                + "\"17859012345\",\"note\":" + note + ",\"navOffice\":\"nav-bergenhus\"}}");
    }

    @Test
    void theNationalIdKeepsItsFieldButLosesItsValue() {
        JsonNode masked = MessageMasking.mask(referral("null"));

        assertThat(masked.path("payload").path("participantNationalId").asString()).isEqualTo(MessageMasking.MASK);
    }

    @Test
    void aFreeTextNoteIsMasked() {
        JsonNode masked = MessageMasking.mask(referral("\"talked about the job at the bakery\""));

        assertThat(masked.path("payload").path("note").asString()).isEqualTo(MessageMasking.MASK);
    }

    @Test
    void anAbsentNoteStaysNull() {
        JsonNode masked = MessageMasking.mask(referral("null"));

        assertThat(masked.path("payload").path("note").isNull()).isTrue();
    }

    @Test
    void otherFieldsAreUntouched() {
        JsonNode masked = MessageMasking.mask(referral("null"));

        assertThat(masked.path("payload").path("navOffice").asString()).isEqualTo("nav-bergenhus");
        assertThat(masked.path("messageId").asString()).isEqualTo("m-1");
    }

    @Test
    void theOriginalTreeIsNotChanged() {
        JsonNode original = referral("null");

        MessageMasking.mask(original);

        assertThat(original.path("payload").path("participantNationalId").asString()).isEqualTo("17859012345");
    }
}

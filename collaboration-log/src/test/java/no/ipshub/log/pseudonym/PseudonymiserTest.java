package no.ipshub.log.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.schemas.fixtures.HubMessages;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private final Pseudonymiser pseudonyms = LogFixtures.pseudonymiser();
    private final String nationalId = HubMessages.PARTICIPANT_NATIONAL_ID;

    @Test
    void samePersonGetsTheSameKeyWithinAProject() {
        assertThat(LogFixtures.pseudonymiser().participantKey(nationalId)).isEqualTo(pseudonyms.participantKey(nationalId));
    }

    @Test
    void participantKeyIsHexOfAnHmacSha256AndDoesNotContainTheId() {
        assertThat(pseudonyms.participantKey(nationalId)).matches("[0-9a-f]{64}").doesNotContain(nationalId);
    }

    @Test
    void anotherProjectsKeyGivesAnUnrelatedPseudonym() {
        Pseudonymiser other = new Pseudonymiser(new ProjectKey("other-project",
                "another-project-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8)));

        assertThat(other.participantKey(nationalId)).isNotEqualTo(pseudonyms.participantKey(nationalId));
    }

    @Test
    void caseIdEqualToANationalIdStillGetsAnotherPseudonym() {
        assertThat(pseudonyms.caseKey(nationalId)).isNotEqualTo(pseudonyms.participantKey(nationalId));
    }

    @Test
    void spacesInTheNationalIdDoNotChangeThePseudonym() {
        String spaced = nationalId.substring(0, 6) + " " + nationalId.substring(6);

        assertThat(pseudonyms.participantKey(spaced)).isEqualTo(pseudonyms.participantKey(nationalId));
    }

    @Test
    void entryIdIsADeterministicVersion8UuidOfTheMessageId() {
        String messageId = UUID.randomUUID().toString();

        String entryId = pseudonyms.entryId(messageId);

        assertThat(entryId).isEqualTo(pseudonyms.entryId(messageId)).isNotEqualTo(messageId);
        assertThat(UUID.fromString(entryId).version()).isEqualTo(8);
    }

    @Test
    void missingJobSpecialistReferenceStaysMissing() {
        assertThat(pseudonyms.jobSpecialistKey(null)).isNull();
    }
}

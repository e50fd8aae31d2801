package no.ipshub.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/* Organisation numbers of public bodies are public; the others here are made up to hit the remainder rules. */
class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"889640782", "974760673", "983974724", "974761076"})
    void publishedOrganisationNumbersAreValid(String number) {
        assertThat(OrganisationNumber.isValid(number)).isTrue();
    }

    @Test
    void aWeightedSumDivisibleBy11GivesControlDigitZero() {
        assertThat(OrganisationNumber.isValid("100000040")).isTrue();
    }

    @Test
    void noControlDigitCompletesEightDigitsWhoseSumLeavesRemainderOne() {
        assertThat(IntStream.rangeClosed(0, 9).mapToObj(d -> "10000013" + d).filter(OrganisationNumber::isValid))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"889640783", "889640792", "989640782"})
    void aNumberWithOneDigitChangedHasAWrongControlDigit(String number) {
        assertThat(OrganisationNumber.problem(number)).contains("has a wrong control digit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"88964078", "8896407820", "889 640 782", "88964078x", "NO889640782"})
    void valuesThatAreNotNineAsciiDigitsAreInvalid(String value) {
        assertThat(OrganisationNumber.isValid(value)).isFalse();
    }

    @Test
    void theProblemNamesTheRuleNotTheNumber() {
        assertThat(OrganisationNumber.problem("88964078")).contains("must be exactly 9 digits");
    }
}

package no.ipshub.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/* HPR numbers have no public control digit, so any 7-9 digits pass; these values are made up. */
class HprNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "12345678", "123456789", "9000001"})
    void sevenToNineDigitsAreValid(String number) {
        assertThat(HprNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456", "1234567890", "12345a7", "1234 567", "+1234567", "\uFF11234567"})
    void anythingButSevenToNineAsciiDigitsIsInvalid(String value) {
        assertThat(HprNumber.isValid(value)).isFalse();
    }

    @Test
    void theProblemStatesTheAcceptedLength() {
        assertThat(HprNumber.problem("123456")).contains("must be 7 to 9 digits");
    }
}

package no.ipshub.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NavUnitNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0312", "1203", "4601", "1804", "0000"})
    void fourDigitsAreAValidNavUnitNumber(String number) {
        assertThat(NavUnitNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"312", "03120", "03 2", "O312", "-312", "\u0660312"})
    void anythingButFourAsciiDigitsIsInvalid(String value) {
        assertThat(NavUnitNumber.isValid(value)).isFalse();
    }

    @Test
    void theProblemSaysFourDigitsAreExpected() {
        assertThat(NavUnitNumber.problem("312")).contains("must be exactly 4 digits");
    }
}

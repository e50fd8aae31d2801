package no.ipshub.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Styrk08CodeTest {

    // armed forces, managing directors (single unit group, ends in 0), nurses, shop sales assistants,
    // cleaners, welders, software developers, and the last sub-major group of each major group
    @ParameterizedTest
    @ValueSource(strings = {"0110", "1120", "2223", "5223", "9112", "7212", "2512", "0310", "1439", "2659",
            "3522", "4419", "5419", "6330", "7549", "8344", "9629"})
    void unitGroupCodesOfEveryMajorGroupAreValid(String code) {
        assertThat(Styrk08Code.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0010", "0410", "1510", "2710", "3610", "4510", "5510", "6410", "7610", "8410",
            "9710", "1011"})
    void codesOutsideTheSubMajorGroupsAreInvalid(String code) {
        assertThat(Styrk08Code.problem(code)).contains("is not in a STYRK-08 sub-major group");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2201", "5200", "9100"})
    void minorGroupZeroDoesNotExist(String code) {
        assertThat(Styrk08Code.problem(code)).contains("is not in a STYRK-08 minor group");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "52", "522", "52231", "5223101", "52.3", "5 23", "S223"})
    void codesThatAreNotFourAsciiDigitsAreInvalid(String code) {
        assertThat(Styrk08Code.isValid(code)).isFalse();
    }
}

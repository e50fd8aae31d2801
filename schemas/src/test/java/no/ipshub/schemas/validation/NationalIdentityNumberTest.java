package no.ipshub.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/*
 * Every number here is synthetic and can belong to no one: its month is shifted by 40 (NAV) or 80 (Tenor), or
 * its birth date is in 2039. The control digits were computed independently of the class under test.
 */
class NationalIdentityNumberTest {

    private static final String TENOR_FODSELSNUMMER = "17858500060";      // 1985-05-17, month + 80
    private static final String NAV_FODSELSNUMMER = "03517210020";        // 1972-11-03, month + 40
    private static final String TENOR_D_NUMMER = "68819020063";           // 1990-01-28, day + 40, month + 80
    private static final String NAV_D_NUMMER = "71526630100";             // 1966-12-31, day + 40, month + 40
    private static final String UNSHIFTED_FODSELSNUMMER = "15063950073";  // 2039-06-15, no one born yet
    private static final String UNSHIFTED_D_NUMMER = "42033950009";       // 2039-03-02, day + 40

    @ParameterizedTest
    @ValueSource(strings = {TENOR_FODSELSNUMMER, NAV_FODSELSNUMMER, TENOR_D_NUMMER, NAV_D_NUMMER,
            UNSHIFTED_FODSELSNUMMER, UNSHIFTED_D_NUMMER})
    void checksumValidNumbersWithRealDatesAreValid(String number) {
        assertThat(NationalIdentityNumber.isValid(number)).isTrue();
    }

    @Test
    void aValidNumberHasNoProblem() {
        assertThat(NationalIdentityNumber.problem(TENOR_FODSELSNUMMER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"17858500061", "17858500070", "27858500060", "17858510060"})
    void aNumberWithOneDigitChangedHasWrongControlDigits(String number) {
        assertThat(NationalIdentityNumber.problem(number)).contains("has wrong control digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1785850006", "178585000600", "1785850006a", "17858500 60", "1785850006\u0660",
            "\uFF11\uFF17\uFF18\uFF15\uFF18\uFF15\uFF10\uFF10\uFF10\uFF16\uFF10"})
    void valuesThatAreNotElevenAsciiDigitsAreInvalid(String value) {
        assertThat(NationalIdentityNumber.isValid(value)).isFalse();
    }

    @Test
    void aMissingNumberIsReportedAsMissing() {
        assertThat(NationalIdentityNumber.problem(null)).contains("is missing");
    }

    @Test
    void theThirtyFirstOfAprilIsNotADateEvenWithRightControlDigits() {
        assertThat(NationalIdentityNumber.problem("31848500189")).contains("does not start with a valid date");
    }

    @Test
    void theTwentyNinthOfFebruary2000IsValidBecauseIndividualNumber500MeansTheYear2000() {
        assertThat(NationalIdentityNumber.birthDate("29820050043")).contains(LocalDate.of(2000, 2, 29));
    }

    @Test
    void theTwentyNinthOfFebruary1900IsInvalidBecause1900WasNoLeapYear() {
        assertThat(NationalIdentityNumber.problem("29820000100")).contains("does not start with a valid date");
    }

    @Test
    void individualNumber600CannotBelongToAYearEndingIn45() {
        assertThat(NationalIdentityNumber.problem("10844560090"))
                .contains("has an individual number that does not fit the birth year");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00858500000", "32858500000", "72858500000", "17008500000", "17138500000",
            "17538500000", "17938500000", "17608500000"})
    void dayOrMonthOutsideTheirRangesIsNotADate(String number) {
        assertThat(NationalIdentityNumber.problem(number)).contains("does not start with a valid date");
    }

    @Test
    void individualNumbers500To749WithYear75GiveTheNineteenthCentury() {
        assertThat(NationalIdentityNumber.birthDate("01877550040")).contains(LocalDate.of(1875, 7, 1));
    }

    @Test
    void individualNumbers900To999WithYear50GiveTheTwentiethCentury() {
        assertThat(NationalIdentityNumber.birthDate("10845090012")).contains(LocalDate.of(1950, 4, 10));
    }

    @Test
    void individualNumbers500To999WithYear10GiveTheTwentyFirstCentury() {
        assertThat(NationalIdentityNumber.birthDate("05891050013")).contains(LocalDate.of(2010, 9, 5));
    }

    @Test
    void aDNumberGivesTheRealDayOfBirth() {
        assertThat(NationalIdentityNumber.birthDate(TENOR_D_NUMMER)).contains(LocalDate.of(1990, 1, 28));
    }

    @Test
    void aDayShiftedBy40IsRecognisedAsADNumber() {
        assertThat(NationalIdentityNumber.isDNumber(NAV_D_NUMMER)).isTrue();
    }

    @Test
    void anUnshiftedDayIsNotADNumber() {
        assertThat(NationalIdentityNumber.isDNumber(TENOR_FODSELSNUMMER)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {TENOR_FODSELSNUMMER, NAV_FODSELSNUMMER, TENOR_D_NUMMER, NAV_D_NUMMER})
    void monthsShiftedBy40Or80AreSynthetic(String number) {
        assertThat(NationalIdentityNumber.isSynthetic(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {UNSHIFTED_FODSELSNUMMER, UNSHIFTED_D_NUMMER})
    void unshiftedMonthsAreNotSynthetic(String number) {
        assertThat(NationalIdentityNumber.isSynthetic(number)).isFalse();
    }

    @Test
    void anInvalidNumberIsNeitherSyntheticNorADNumber() {
        assertThat(NationalIdentityNumber.isSynthetic("68819020064") || NationalIdentityNumber.isDNumber("68819020064"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"17858500061", "31848500189", "10844560090", "1785850006a", "1785850006"})
    void problemsNeverRepeatTheNumberOrItsBirthDate(String number) {
        assertThat(NationalIdentityNumber.problem(number)).hasValueSatisfying(problem -> assertThat(problem)
                .doesNotContain(number).doesNotContain(number.substring(0, 6)).doesNotContainPattern("\\d{4}"));
    }
}

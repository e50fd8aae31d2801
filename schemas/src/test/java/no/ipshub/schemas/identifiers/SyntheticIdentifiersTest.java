package no.ipshub.schemas.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.ipshub.schemas.validation.NationalIdentityNumber;
import no.ipshub.schemas.validation.OrganisationNumber;
import org.junit.jupiter.api.Test;

class SyntheticIdentifiersTest {

    private static final int SAMPLE = 5_000;

    @Test
    void everyGeneratedNationalIdIsValid() {
        assertThat(sample(SyntheticIdentifiers::nationalId)).allMatch(NationalIdentityNumber::isValid);
    }

    @Test
    void everyGeneratedNationalIdIsSyntheticWithTheMonthShiftedBy80() {
        assertThat(sample(SyntheticIdentifiers::nationalId))
                .allMatch(NationalIdentityNumber::isSynthetic)
                .allMatch(id -> Integer.parseInt(id.substring(2, 4)) > 80);
    }

    @Test
    void everyGeneratedDNumberIsAValidSyntheticDNumber() {
        assertThat(sample(SyntheticIdentifiers::dNumber))
                .allMatch(NationalIdentityNumber::isDNumber)
                .allMatch(NationalIdentityNumber::isSynthetic);
    }

    @Test
    void everyGeneratedOrganisationNumberIsValid() {
        assertThat(sample(SyntheticIdentifiers::organisationNumber)).allMatch(OrganisationNumber::isValid);
    }

    @Test
    void randomBirthDatesFallBetween1940And2007() {
        assertThat(sample(SyntheticIdentifiers::nationalId).stream()
                .map(id -> NationalIdentityNumber.birthDate(id).orElseThrow()))
                .allMatch(date -> !date.isBefore(LocalDate.of(1940, 1, 1)) && !date.isAfter(LocalDate.of(2007, 12, 31)));
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        assertThat(mixedSequence(new SyntheticIdentifiers(2024))).isEqualTo(mixedSequence(new SyntheticIdentifiers(2024)));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        assertThat(mixedSequence(new SyntheticIdentifiers(1))).isNotEqualTo(mixedSequence(new SyntheticIdentifiers(2)));
    }

    @Test
    void aGivenBirthDateIsEncodedInTheNationalId() {
        LocalDate birthDate = LocalDate.of(1988, 2, 29);
        String id = new SyntheticIdentifiers(7).nationalId(birthDate);
        assertThat(NationalIdentityNumber.birthDate(id)).contains(birthDate);
    }

    @Test
    void birthDatesAtTheEdgesOfEveryCenturyRangeGiveValidIds() {
        SyntheticIdentifiers identifiers = new SyntheticIdentifiers(11);
        assertThat(Stream.of("1854-01-01", "1899-12-31", "1900-01-01", "1939-12-31", "1940-01-01", "1999-12-31",
                        "2000-01-01", "2039-12-31")
                .map(LocalDate::parse)
                .flatMap(date -> Stream.of(identifiers.nationalId(date), identifiers.dNumber(date))))
                .allMatch(NationalIdentityNumber::isValid);
    }

    @Test
    void birthYearsTheNumbersCannotExpressAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SyntheticIdentifiers(3).nationalId(LocalDate.of(2040, 1, 1)));
    }

    @Test
    void everyIndividualNumberForADateGivesAValidIdOrNone() {
        LocalDate birthDate = LocalDate.of(1975, 6, 30);
        List<String> ids = IntStream.range(0, 1000)
                .mapToObj(individual -> SyntheticIdentifiers.nationalIdFor(birthDate, individual))
                .flatMap(java.util.Optional::stream)
                .toList();
        assertThat(ids).isNotEmpty().allMatch(NationalIdentityNumber::isValid);
    }

    @Test
    void anIndividualNumberOutsideTheCenturysRangeGivesNoId() {
        assertThat(SyntheticIdentifiers.nationalIdFor(LocalDate.of(1975, 6, 30), 600)).isEmpty();
    }

    @Test
    void aChosenIndividualNumberAppearsInTheDNumber() {
        assertThat(SyntheticIdentifiers.dNumberFor(LocalDate.of(1990, 1, 28), 200)).contains("68819020063");
    }

    private static List<String> sample(Function<SyntheticIdentifiers, String> generator) {
        SyntheticIdentifiers identifiers = new SyntheticIdentifiers(42);
        return IntStream.range(0, SAMPLE).mapToObj(i -> generator.apply(identifiers)).toList();
    }

    private static List<String> mixedSequence(SyntheticIdentifiers identifiers) {
        return List.of(identifiers.nationalId(), identifiers.dNumber(), identifiers.organisationNumber(),
                identifiers.nationalId(), identifiers.organisationNumber());
    }
}

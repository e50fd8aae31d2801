package no.ipshub.schemas.identifiers;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Makes checksum-valid synthetic identifiers for demos and tests; the same seed gives the same sequence.
 *
 * <p>National ids (fødselsnummer) and D-numbers carry the birth month plus 80, the convention of Skatteetaten's
 * Tenor test population: no month is above 12, so no real person can have such a number, while
 * {@code NationalIdentityNumber} accepts it. D-numbers also add 40 to the day. Organisation numbers are
 * checksum-valid but otherwise random and may coincide with a registered unit; they identify organisations,
 * not people.
 *
 * <p>Instances are safe for use by several threads when the {@link Random} given is ({@code java.util.Random}
 * is), but the order of the values then depends on the threads.
 */
public final class SyntheticIdentifiers {

    /** Birth dates drawn by {@link #nationalId()} and {@link #dNumber()}: working-age adults and older. */
    private static final LocalDate EARLIEST_RANDOM_BIRTH = LocalDate.of(1940, 1, 1);
    private static final LocalDate LATEST_RANDOM_BIRTH = LocalDate.of(2007, 12, 31);

    private static final int FIRST_YEAR = 1854;
    private static final int LAST_YEAR = 2039;
    private static final int SYNTHETIC_MONTH_SHIFT = 80;
    private static final int D_NUMBER_DAY_SHIFT = 40;

    // The control digits are computed here rather than borrowed from the validators, so that the tests of
    // this class check one implementation of the rules against the other.
    private static final int[] NATIONAL_ID_WEIGHTS_K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] NATIONAL_ID_WEIGHTS_K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int[] ORGANISATION_NUMBER_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private final Random random;

    /** A generator with its own {@link Random} seeded with {@code seed}. */
    public SyntheticIdentifiers(long seed) {
        this(new Random(seed));
    }

    /** A generator drawing from {@code random}. */
    public SyntheticIdentifiers(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A synthetic fødselsnummer (month plus 80) for a random birth date between 1940 and 2007. */
    public String nationalId() {
        return nationalId(randomBirthDate());
    }

    /**
     * A synthetic fødselsnummer (month plus 80) for this birth date, with a random individual number.
     *
     * @throws IllegalArgumentException when the birth year is outside 1854-2039, the years the numbers cover
     */
    public String nationalId(LocalDate birthDate) {
        return withRandomIndividualNumber(birthDate, false);
    }

    /** A synthetic D-nummer (day plus 40, month plus 80) for a random birth date between 1940 and 2007. */
    public String dNumber() {
        return dNumber(randomBirthDate());
    }

    /**
     * A synthetic D-nummer (day plus 40, month plus 80) for this birth date, with a random individual number.
     *
     * @throws IllegalArgumentException when the birth year is outside 1854-2039, the years the numbers cover
     */
    public String dNumber(LocalDate birthDate) {
        return withRandomIndividualNumber(birthDate, true);
    }

    /** A checksum-valid nine-digit organisation number that does not start with 0. */
    public String organisationNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder(9);
            digits.append(1 + random.nextInt(9));
            for (int i = 1; i < 8; i++) {
                digits.append(random.nextInt(10));
            }
            int control = controlDigit(digits, ORGANISATION_NUMBER_WEIGHTS);
            if (control >= 0) {
                return digits.append(control).toString();
            }
        }
    }

    /**
     * The synthetic fødselsnummer (month plus 80) with exactly this birth date and individual number, or empty
     * when there is none: the individual number does not belong to the birth year's century, the year is
     * outside 1854-2039, or a control digit would be 10.
     */
    public static Optional<String> nationalIdFor(LocalDate birthDate, int individualNumber) {
        return compose(birthDate, individualNumber, false);
    }

    /** As {@link #nationalIdFor(LocalDate, int)}, for a synthetic D-nummer (day plus 40, month plus 80). */
    public static Optional<String> dNumberFor(LocalDate birthDate, int individualNumber) {
        return compose(birthDate, individualNumber, true);
    }

    private LocalDate randomBirthDate() {
        long span = LATEST_RANDOM_BIRTH.toEpochDay() - EARLIEST_RANDOM_BIRTH.toEpochDay() + 1;
        return LocalDate.ofEpochDay(EARLIEST_RANDOM_BIRTH.toEpochDay() + (long) (random.nextDouble() * span));
    }

    private String withRandomIndividualNumber(LocalDate birthDate, boolean dNumber) {
        Objects.requireNonNull(birthDate, "birthDate");
        int year = birthDate.getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("birth year must be between 1854 and 2039");
        }
        // About one individual number in six gives a control digit of 10; another draw takes care of that.
        while (true) {
            Optional<String> candidate = compose(birthDate, randomIndividualNumber(year), dNumber);
            if (candidate.isPresent()) {
                return candidate.get();
            }
        }
    }

    /** An individual number from a range that encodes the year's century. */
    private int randomIndividualNumber(int year) {
        if (year < 1900) {
            return 500 + random.nextInt(250);
        }
        if (year < 1940) {
            return random.nextInt(500);
        }
        if (year < 2000) {
            // 1940-1999 has two ranges, 000-499 and 900-999.
            int draw = random.nextInt(600);
            return draw < 500 ? draw : 400 + draw;
        }
        return 500 + random.nextInt(500);
    }

    private static Optional<String> compose(LocalDate birthDate, int individualNumber, boolean dNumber) {
        Objects.requireNonNull(birthDate, "birthDate");
        if (!belongsToCentury(individualNumber, birthDate.getYear())) {
            return Optional.empty();
        }
        int day = birthDate.getDayOfMonth() + (dNumber ? D_NUMBER_DAY_SHIFT : 0);
        int month = birthDate.getMonthValue() + SYNTHETIC_MONTH_SHIFT;
        StringBuilder digits = new StringBuilder(11);
        appendTwoDigits(digits, day);
        appendTwoDigits(digits, month);
        appendTwoDigits(digits, birthDate.getYear() % 100);
        digits.append(individualNumber / 100).append(individualNumber / 10 % 10).append(individualNumber % 10);
        int k1 = controlDigit(digits, NATIONAL_ID_WEIGHTS_K1);
        if (k1 < 0) {
            return Optional.empty();
        }
        digits.append(k1);
        int k2 = controlDigit(digits, NATIONAL_ID_WEIGHTS_K2);
        if (k2 < 0) {
            return Optional.empty();
        }
        return Optional.of(digits.append(k2).toString());
    }

    private static boolean belongsToCentury(int individualNumber, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR || individualNumber < 0 || individualNumber > 999) {
            return false;
        }
        if (year < 1900) {
            return individualNumber >= 500 && individualNumber <= 749;
        }
        if (year < 2000) {
            return individualNumber <= 499 || (year >= 1940 && individualNumber >= 900);
        }
        return individualNumber >= 500;
    }

    private static void appendTwoDigits(StringBuilder digits, int value) {
        digits.append(value / 10).append(value % 10);
    }

    /** The mod-11 control digit over the digits so far, or -1 when it would be 10. */
    private static int controlDigit(CharSequence digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int control = 11 - sum % 11;
        if (control == 11) {
            return 0;
        }
        return control == 10 ? -1 : control;
    }
}

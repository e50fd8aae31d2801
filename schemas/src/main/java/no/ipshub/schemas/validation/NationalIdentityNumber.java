package no.ipshub.schemas.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Validates a Norwegian national identity number: a fødselsnummer or a D-nummer, including the synthetic
 * test numbers of NAV and of Skatteetaten's Tenor test population.
 *
 * <p>What is accepted, digit by digit ({@code DDMMYY III KK}):
 * <ul>
 *   <li>exactly 11 ASCII digits;</li>
 *   <li>{@code DD} the day of birth, or the day plus 40 for a D-nummer;</li>
 *   <li>{@code MM} the month, the month plus 40 (NAV's synthetic numbers; the health sector's H-nummer uses the
 *       same shift and passes too) or the month plus 80 (Tenor's synthetic numbers);</li>
 *   <li>{@code III} an individual number whose range gives the century: 000-499 born 1900-1999, 500-749 with
 *       {@code YY} 54-99 born 1854-1899, 500-999 with {@code YY} 00-39 born 2000-2039, 900-999 with {@code YY}
 *       40-99 born 1940-1999; other combinations do not exist;</li>
 *   <li>day, month and century together a real calendar date (29 February only in leap years);</li>
 *   <li>{@code KK} the two mod-11 control digits, weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2, where a
 *       computed control digit of 10 makes the number invalid.</li>
 * </ul>
 * A birth date in the future is not rejected here: that is a rule about the message, not about the number.
 * Numbers Folkeregisteret issues from 2032 use a relaxed first control digit and are not accepted yet.
 */
public final class NationalIdentityNumber {

    private static final int LENGTH = 11;
    private static final int[] WEIGHTS_K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] WEIGHTS_K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int D_NUMBER_DAY_SHIFT = 40;
    private static final int NAV_SYNTHETIC_MONTH_SHIFT = 40;
    private static final int TENOR_SYNTHETIC_MONTH_SHIFT = 80;

    private NationalIdentityNumber() {
    }

    /** True when the value is a valid fødselsnummer or D-nummer, synthetic ones included. */
    public static boolean isValid(String value) {
        return analyse(value).problem == null;
    }

    /** What is wrong with the value, if anything; the text never contains the value or parts of it. */
    public static Optional<String> problem(String value) {
        return Optional.ofNullable(analyse(value).problem);
    }

    /** True when the value is valid and a D-nummer (day plus 40). */
    public static boolean isDNumber(String value) {
        Analysis analysis = analyse(value);
        return analysis.problem == null && analysis.dNumber;
    }

    /**
     * True when the value is valid and a synthetic test number (month plus 40 or plus 80), which no person
     * in Folkeregisteret has. Production routes may use this to turn test data away.
     */
    public static boolean isSynthetic(String value) {
        Analysis analysis = analyse(value);
        return analysis.problem == null && analysis.synthetic;
    }

    /** The birth date the value encodes, when it is valid. */
    public static Optional<LocalDate> birthDate(String value) {
        Analysis analysis = analyse(value);
        return analysis.problem == null ? Optional.of(analysis.birthDate) : Optional.empty();
    }

    private static Analysis analyse(String value) {
        if (value == null) {
            return Analysis.invalid("is missing");
        }
        if (value.length() != LENGTH || !Digits.onlyAsciiDigits(value)) {
            return Analysis.invalid("must be exactly 11 digits");
        }
        int day = Digits.number(value, 0, 2);
        int month = Digits.number(value, 2, 4);
        int yearInCentury = Digits.number(value, 4, 6);
        int individualNumber = Digits.number(value, 6, 9);

        boolean dNumber = day > D_NUMBER_DAY_SHIFT;
        if (dNumber) {
            day -= D_NUMBER_DAY_SHIFT;
        }
        boolean synthetic = false;
        if (month > TENOR_SYNTHETIC_MONTH_SHIFT) {
            month -= TENOR_SYNTHETIC_MONTH_SHIFT;
            synthetic = true;
        } else if (month > NAV_SYNTHETIC_MONTH_SHIFT) {
            month -= NAV_SYNTHETIC_MONTH_SHIFT;
            synthetic = true;
        }
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return Analysis.invalid("does not start with a valid date");
        }
        int century = century(individualNumber, yearInCentury);
        if (century < 0) {
            return Analysis.invalid("has an individual number that does not fit the birth year");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(century + yearInCentury, month, day);
        } catch (DateTimeException e) {
            return Analysis.invalid("does not start with a valid date");
        }
        int k1 = Digits.mod11ControlDigit(value, WEIGHTS_K1);
        int k2 = Digits.mod11ControlDigit(value, WEIGHTS_K2);
        if (k1 < 0 || k2 < 0 || k1 != Digits.at(value, 9) || k2 != Digits.at(value, 10)) {
            return Analysis.invalid("has wrong control digits");
        }
        return new Analysis(null, birthDate, dNumber, synthetic);
    }

    /** The first year of the century the individual number range gives, or -1 when the pair does not exist. */
    private static int century(int individualNumber, int yearInCentury) {
        if (individualNumber <= 499) {
            return 1900;
        }
        if (yearInCentury <= 39) {
            return 2000;
        }
        if (individualNumber >= 900) {
            return 1900;
        }
        if (individualNumber <= 749 && yearInCentury >= 54) {
            return 1800;
        }
        return -1;
    }

    private record Analysis(String problem, LocalDate birthDate, boolean dNumber, boolean synthetic) {

        static Analysis invalid(String problem) {
            return new Analysis(problem, null, false, false);
        }
    }
}

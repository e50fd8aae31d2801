package no.ipshub.schemas.validation;

import java.util.Optional;

/**
 * Validates a Norwegian organisation number from Enhetsregisteret: exactly 9 ASCII digits whose last digit is
 * the mod-11 control digit over the first eight with weights 3 2 7 6 5 4 3 2 ({@code 11 - sum mod 11}, where
 * 11 becomes 0 and 10 means no valid number has these eight digits).
 */
public final class OrganisationNumber {

    private static final int LENGTH = 9;
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    /** True when the value is a checksum-valid organisation number. */
    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the value, if anything; the text never contains the value. */
    public static Optional<String> problem(String value) {
        return Digits.exactlyDigitsProblem(value, LENGTH).or(() -> controlDigitProblem(value));
    }

    /** Whether the last of nine digits is the mod-11 control digit of the first eight. */
    private static Optional<String> controlDigitProblem(String value) {
        int control = Digits.mod11ControlDigit(value, WEIGHTS);
        if (control < 0 || control != Digits.at(value, LENGTH - 1)) {
            return Optional.of("has a wrong control digit");
        }
        return Optional.empty();
    }
}

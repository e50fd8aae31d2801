package no.ipshub.schemas.validation;

import java.util.Optional;

/**
 * Validates a NAV unit number (enhetsnummer), the id of a NAV office in NAV's organisation register:
 * exactly 4 ASCII digits, leading zeros kept (for example {@code 0312}). It carries no control digit.
 */
public final class NavUnitNumber {

    private static final int LENGTH = 4;

    private NavUnitNumber() {
    }

    /** True when the value is exactly four digits. */
    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the value, if anything; the text never contains the value. */
    public static Optional<String> problem(String value) {
        return Digits.exactlyDigitsProblem(value, LENGTH);
    }
}

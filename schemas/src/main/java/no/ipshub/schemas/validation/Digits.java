package no.ipshub.schemas.validation;

import java.util.Optional;

/** Small helpers shared by the validators: ASCII-digit checks and the mod-11 control digit. */
final class Digits {

    private Digits() {
    }

    /**
     * What is wrong with a value that must be exactly {@code length} ASCII digits, if anything: missing, or not
     * that many digits. The text never contains the value.
     */
    static Optional<String> exactlyDigitsProblem(String value, int length) {
        if (value == null) {
            return Optional.of("is missing");
        }
        if (value.length() != length || !onlyAsciiDigits(value)) {
            return Optional.of("must be exactly " + length + " digits");
        }
        return Optional.empty();
    }

    /** True when the value is non-empty and made of ASCII digits only (no other Unicode digits). */
    static boolean onlyAsciiDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digit at {@code index} as a number; the caller has checked it is an ASCII digit. */
    static int at(String value, int index) {
        return value.charAt(index) - '0';
    }

    /** The number formed by the digits from {@code start} (inclusive) to {@code end} (exclusive). */
    static int number(String value, int start, int end) {
        int result = 0;
        for (int i = start; i < end; i++) {
            result = result * 10 + at(value, i);
        }
        return result;
    }

    /**
     * The mod-11 control digit over the first {@code weights.length} digits: {@code 11 - (sum mod 11)},
     * where 11 becomes 0. Returns -1 when the result would be 10, which no valid number can have.
     */
    static int mod11ControlDigit(String value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += at(value, i) * weights[i];
        }
        int control = 11 - sum % 11;
        if (control == 11) {
            return 0;
        }
        return control == 10 ? -1 : control;
    }
}

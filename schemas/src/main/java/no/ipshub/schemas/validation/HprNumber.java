package no.ipshub.schemas.validation;

import java.util.Optional;

/**
 * Validates an HPR number, the id of an authorised health professional in Helsepersonellregisteret
 * (identifier system OID 2.16.578.1.12.4.1.4.4): 7 to 9 ASCII digits.
 *
 * <p>No control digit is checked: the public descriptions of HPR (Helsedirektoratet, Norsk helsenett, the
 * HL7 Norway naming system) do not define one, and NAV's own registration forms check only length and
 * digits. Whether a number is actually registered can only be answered by HPR itself.
 */
public final class HprNumber {

    private static final int MIN_LENGTH = 7;
    private static final int MAX_LENGTH = 9;

    private HprNumber() {
    }

    /** True when the value is 7 to 9 digits. */
    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the value, if anything; the text never contains the value. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("is missing");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH || !Digits.onlyAsciiDigits(value)) {
            return Optional.of("must be 7 to 9 digits");
        }
        return Optional.empty();
    }
}

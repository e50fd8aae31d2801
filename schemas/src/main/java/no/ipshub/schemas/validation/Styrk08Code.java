package no.ipshub.schemas.validation;

import java.util.Optional;

/**
 * Validates a STYRK-08 occupation code at its most detailed level, the four-digit unit group (SSB's Norwegian
 * edition of ILO's ISCO-08, for example {@code 5223} shop sales assistants).
 *
 * <p>This is a structural check, not a lookup in SSB's code list, so a code that has the right shape but is
 * not in the list passes. What is accepted:
 * <ul>
 *   <li>exactly 4 ASCII digits;</li>
 *   <li>the first two digits one of the 43 sub-major groups under the ten major groups: 0 armed forces (01-03),
 *       1 managers (11-14), 2 professionals (21-26), 3 technicians and associate professionals (31-35),
 *       4 clerical support (41-44), 5 service and sales (51-54), 6 skilled agricultural, forestry and fishery
 *       (61-63), 7 craft and related trades (71-75), 8 plant and machine operators and assemblers (81-83),
 *       9 elementary occupations (91-96);</li>
 *   <li>the third digit, the minor group within the sub-major group, 1-9 (minor groups are numbered from 1);</li>
 *   <li>any fourth digit: 0 is used where a minor group has a single unit group, as in {@code 1120}.</li>
 * </ul>
 * Shorter codes (a major or minor group alone) and NAV's seven-digit job-title codes are not accepted.
 */
public final class Styrk08Code {

    private static final int LENGTH = 4;

    /** For each major group 0-9, the highest sub-major group digit; sub-major groups are numbered from 1. */
    private static final int[] LAST_SUB_MAJOR_GROUP = {3, 4, 6, 5, 4, 4, 3, 5, 3, 6};

    private Styrk08Code() {
    }

    /** True when the value has the shape of a STYRK-08 unit group code. */
    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** What is wrong with the value, if anything; the text never contains the value. */
    public static Optional<String> problem(String value) {
        return Digits.exactlyDigitsProblem(value, LENGTH).or(() -> groupProblem(value));
    }

    /** Whether the sub-major and minor group digits of a four-digit value name groups STYRK-08 has. */
    private static Optional<String> groupProblem(String value) {
        int majorGroup = Digits.at(value, 0);
        int subMajorGroup = Digits.at(value, 1);
        if (subMajorGroup < 1 || subMajorGroup > LAST_SUB_MAJOR_GROUP[majorGroup]) {
            return Optional.of("is not in a STYRK-08 sub-major group");
        }
        if (Digits.at(value, 2) == 0) {
            return Optional.of("is not in a STYRK-08 minor group");
        }
        return Optional.empty();
    }
}

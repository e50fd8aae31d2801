package no.ipshub.schemas.bounds;

import java.util.List;

/**
 * The most one string field of the contracts may hold.
 *
 * @param field      the field's path in the JSON form, e.g. {@code payload.note}
 * @param records    the records that have the field, e.g. {@code FollowUp} and {@code Outcome}
 * @param maxLength  the most characters, counted as Java counts them (UTF-16 code units: a character outside the
 *                   Basic Multilingual Plane, such as an emoji, counts as two)
 * @param characters which characters it may hold
 * @param rule       what else the value must be, for a person (control digits, symbols); empty when nothing
 */
public record FieldBound(String field, List<String> records, int maxLength, Characters characters, String rule) {

    public FieldBound {
        records = List.copyOf(records);
        rule = rule == null ? "" : rule;
        if (maxLength < 1) {
            throw new IllegalArgumentException(field + ": a bound must allow at least one character");
        }
    }

    /** True when {@code value} is longer than the bound allows; null is never too long. */
    public boolean isTooLong(String value) {
        return value != null && value.length() > maxLength;
    }

    /** True when {@code value} is within the length and holds only allowed characters. */
    public boolean allows(String value) {
        return value != null && !isTooLong(value) && characters.allows(value);
    }

    /** The characters and the rule for a person, with {@code `code`} spans. */
    public String describe() {
        if (rule.isEmpty()) {
            return characters.description();
        }
        return characters == Characters.SYMBOL ? rule : characters.description() + "; " + rule;
    }

    /** What the length rule says, for a person and for a violation's message: never the value. */
    public String lengthRule() {
        return "must be at most " + maxLength + " characters";
    }
}

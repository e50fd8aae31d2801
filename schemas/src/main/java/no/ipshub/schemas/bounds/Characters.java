package no.ipshub.schemas.bounds;

import java.util.regex.Pattern;

/** Which characters a string field of the contracts may hold, as a rule a program checks and a person reads. */
public enum Characters {

    /** A UUID in its usual form. */
    UUID("a UUID: 8-4-4-4-12 hexadecimal digits",
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    /** A case id: safe in a Kafka key, a log line and a URL. */
    CASE_ID("letters A-Z a-z, digits and `. _ : -`", "[A-Za-z0-9._:-]+"),
    /** A partner id, as the partner directory allows them. */
    PARTNER_ID("lower-case letters a-z, digits and `-` (not first)", "[a-z0-9][a-z0-9-]*"),
    /** ASCII digits, for identifiers whose own rule (control digits, groups) is checked besides. */
    DIGITS("digits 0-9", "[0-9]+"),
    /** A code of upper-case words, such as a rejection reason. */
    UPPER_CASE_CODE("upper-case letters A-Z, digits and `_`, starting with a letter", "[A-Z][A-Z0-9_]*"),
    /** A code of another system, such as NAV's measure codes. */
    CODE("letters A-Z a-z, digits and `. _ -`", "[A-Za-z0-9_.-]+"),
    /** A symbol of an enum, or the payload's type in the JSON form. */
    SYMBOL("a symbol of its enum", null),
    /** A reference on one line. */
    LINE("any text on one line: no control characters, well-formed Unicode", null),
    /** Free text. */
    TEXT("any text: no control characters but tab, line feed and carriage return, well-formed Unicode", null);

    private final String description;
    private final Pattern pattern;

    Characters(String description, String pattern) {
        this.description = description;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
    }

    /** The rule for a person, with {@code `code`} spans around literal characters. */
    public String description() {
        return description;
    }

    /**
     * True when every character of {@code value} is allowed. Symbols are checked by the type that holds them (an
     * enum, the payload's record), so any text passes here.
     */
    public boolean allows(String value) {
        return switch (this) {
            case SYMBOL -> true;
            case LINE -> isText(value, false);
            case TEXT -> isText(value, true);
            default -> pattern.matcher(value).matches();
        };
    }

    /** Well-formed UTF-16 (no lone surrogate) without control characters, line breaks and tabs only when asked. */
    private static boolean isText(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }
}

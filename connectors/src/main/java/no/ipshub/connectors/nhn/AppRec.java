package no.ipshub.connectors.nhn;

import java.util.List;

/**
 * An application receipt as the hub writes or reads it.
 *
 * @param status        OK, AVVIST, or OK with an error in part of the message
 * @param errors        the errors (empty for OK)
 * @param originalMsgId the MsgId of the message it answers; empty when that could not be read
 */
public record AppRec(Status status, List<ReceiptError> errors, String originalMsgId) {

    public AppRec {
        errors = List.copyOf(errors);
    }

    /** The receipt's status ({@code Status/@V} 1, 2 or 3). */
    public enum Status {
        OK("1", "OK"), AVVIST("2", "Avvist"), OK_FEIL_I_DELMELDING("3", "OK, feil i delmelding");

        private final String code;
        private final String text;

        Status(String code, String text) {
            this.code = code;
            this.text = text;
        }

        public String code() {
            return code;
        }

        public String text() {
            return text;
        }

        /** The status of a code; AVVIST for a code the hub does not know, so nothing unknown counts as delivered. */
        public static Status ofCode(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            return AVVIST;
        }
    }

    public static AppRec ok(String originalMsgId) {
        return new AppRec(Status.OK, List.of(), originalMsgId);
    }

    public static AppRec rejected(String originalMsgId, List<ReceiptError> errors) {
        return new AppRec(Status.AVVIST, errors, originalMsgId);
    }

    /** The errors as one line for people: code and detail, separated by semicolons. */
    public String errorSummary() {
        return errors.stream().map(e -> e.code() + " " + e.detail()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}

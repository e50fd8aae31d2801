package no.ipshub.connectors.nhn;

import java.util.Objects;

/**
 * One error of an AVVIST receipt: the standard code and what exactly was wrong, for the sender's staff. The
 * detail names elements and rules, never a value from the message.
 *
 * @param code   the code from the code list
 * @param detail what was wrong, at most 500 characters
 */
public record ReceiptError(AppRecError code, String detail) {

    static final int MAX_DETAIL = 500;

    public ReceiptError {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? code.text() : detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}

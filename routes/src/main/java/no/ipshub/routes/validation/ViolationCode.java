package no.ipshub.routes.validation;

import no.ipshub.schemas.v1.DeadLetterReason;

/** Why a field of a message is not acceptable, as a stable code partners can act on. */
public enum ViolationCode {
    /** A required field is missing or blank. */
    REQUIRED,
    /** The value does not have the expected form (UUID, code, digits). */
    INVALID_FORMAT,
    /** An identifier's control digits do not match (national id, organisation number). */
    INVALID_CHECKSUM,
    /** A date or timestamp lies in the future. */
    FUTURE_DATE,
    /** A number or text is outside its allowed range or length. */
    OUT_OF_RANGE,
    /** The field must be empty for this kind of payload. */
    NOT_ALLOWED,
    /** The payload kind is not one this hub version handles (UNKNOWN). */
    UNSUPPORTED_KIND,
    /** The partner is of the wrong sector for this role. */
    WRONG_SECTOR,
    /** A referral's team and NAV office are not its sender and recipient. */
    CASE_PARTIES_MISMATCH,
    /** The messageId was already used by another partner. */
    MESSAGE_ID_IN_USE,
    /** The sender is not the partner the message came from. */
    SPOOFED_SENDER,
    /** The partner id is not in the partner directory. */
    UNKNOWN_PARTNER,
    /** The partner is suspended: no message from or to it is accepted until an operator reinstates it. */
    PARTNER_SUSPENDED,
    /** Sender and recipient do not share the case the message belongs to. */
    NOT_A_CASE_PARTY;

    /** The dead-letter reason a message with this violation gets. */
    public DeadLetterReason deadLetterReason() {
        return switch (this) {
            case SPOOFED_SENDER -> DeadLetterReason.SPOOFED_SENDER;
            case UNKNOWN_PARTNER, PARTNER_SUSPENDED -> DeadLetterReason.UNKNOWN_PARTNER;
            case NOT_A_CASE_PARTY -> DeadLetterReason.NOT_A_CASE_PARTY;
            default -> DeadLetterReason.INVALID_CONTENT;
        };
    }

    /** True when the caller is not allowed to send this message at all (HTTP 403), not merely wrong. */
    public boolean isForbidden() {
        return this == SPOOFED_SENDER || this == NOT_A_CASE_PARTY;
    }
}

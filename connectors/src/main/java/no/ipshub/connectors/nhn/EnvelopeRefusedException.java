package no.ipshub.connectors.nhn;

import java.util.List;

/** An envelope the hub cannot take: the receipt is AVVIST with these errors. */
public class EnvelopeRefusedException extends RuntimeException {

    private final transient List<ReceiptError> errors;
    private final transient DialogueEnvelope readSoFar;

    public EnvelopeRefusedException(List<ReceiptError> errors) {
        this(errors, null);
    }

    private EnvelopeRefusedException(List<ReceiptError> errors, DialogueEnvelope readSoFar) {
        super(errors.isEmpty() ? "refused" : errors.get(0).code() + ": " + errors.get(0).detail(), null, false, false);
        this.errors = List.copyOf(errors);
        this.readSoFar = readSoFar;
    }

    /** The same refusal, with what could be read of the envelope, so that its receipt can name it. */
    EnvelopeRefusedException with(DialogueEnvelope readSoFar) {
        return new EnvelopeRefusedException(errors, readSoFar);
    }

    /**
     * What could be read of the refused envelope (MsgId, type, GenDate, sender; no notes), or null when it was not
     * even well-formed XML.
     */
    public DialogueEnvelope readSoFar() {
        return readSoFar;
    }

    public EnvelopeRefusedException(AppRecError code, String detail) {
        this(List.of(new ReceiptError(code, detail)));
    }

    public List<ReceiptError> errors() {
        return errors;
    }
}

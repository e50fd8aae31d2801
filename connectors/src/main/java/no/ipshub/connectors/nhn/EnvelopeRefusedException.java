package no.ipshub.connectors.nhn;

import java.util.List;

/** An envelope the hub cannot take: the receipt is AVVIST with these errors. */
public class EnvelopeRefusedException extends RuntimeException {

    private final transient List<ReceiptError> errors;

    public EnvelopeRefusedException(List<ReceiptError> errors) {
        super(errors.isEmpty() ? "refused" : errors.get(0).code() + ": " + errors.get(0).detail(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public EnvelopeRefusedException(AppRecError code, String detail) {
        this(List.of(new ReceiptError(code, detail)));
    }

    public List<ReceiptError> errors() {
        return errors;
    }
}

package no.ipshub.log.audit;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param intact      true when every row matches its hash and its predecessor, and the head matches the last row
 * @param rowsChecked how many rows were checked
 * @param brokenAtSeq the first row that does not fit; null when intact
 * @param problem     what does not fit, for a person; null when intact
 * @param headHash    the hash of the newest row when intact; null otherwise
 */
public record ChainVerification(boolean intact, long rowsChecked, Long brokenAtSeq, String problem, String headHash) {

    static ChainVerification intact(long rows, String headHash) {
        return new ChainVerification(true, rows, null, null, headHash);
    }

    static ChainVerification broken(long rows, long seq, String problem) {
        return new ChainVerification(false, rows, seq, problem, null);
    }
}

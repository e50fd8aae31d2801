package no.ipshub.log.suppression;

/** Why a cell is blank. */
public enum Suppression {

    /** Shown. */
    NONE("shown"),

    /** Based on fewer participants than the threshold. */
    PRIMARY("blank: from fewer participants than the project's threshold"),

    /**
     * Blanked too, so that a small group cannot be worked out from a total or by arithmetic with the answer's other
     * values.
     */
    SECONDARY("blank: the answer on its own would otherwise let a small group be worked out"),

    /**
     * Blanked because, together with what the same audience was shown before, it would let a group of fewer
     * participants than the threshold be worked out.
     */
    DIFFERENCING("blank: with what this audience was shown before it would let a small group be worked out");

    private final String meaning;

    Suppression(String meaning) {
        this.meaning = meaning;
    }

    /** What the flag means, for the codebook. */
    public String meaning() {
        return meaning;
    }
}

package no.ipshub.log.suppression;

/** Why a cell is blank. */
public enum Suppression {

    /** Shown. */
    NONE,

    /** Based on fewer participants than the threshold. */
    PRIMARY,

    /**
     * Blanked too, so that a primary cell cannot be worked out from a published total or from another shown cell
     * of the same answer.
     */
    SECONDARY,

    /**
     * Blanked because, together with a result the same researcher was given earlier, it would single out fewer
     * participants than the threshold (differencing across queries).
     */
    DIFFERENCING
}

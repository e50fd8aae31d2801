package no.ipshub.log.suppression;

/** Why a cell is blank. */
public enum Suppression {

    /** Shown. */
    NONE,

    /** Based on fewer participants than the threshold. */
    PRIMARY,

    /** Blanked too, so that a primary cell cannot be worked out from a published total. */
    SECONDARY
}

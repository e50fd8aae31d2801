package no.ipshub.log.consent;

/** Whether a case's events may enter the collaboration log. */
public enum CaseStatus {

    /** The participant consented; the case's events are logged. */
    CONSENTED,

    /** The participant refused or withdrew consent; nothing of the participant is logged any more. */
    WITHDRAWN
}

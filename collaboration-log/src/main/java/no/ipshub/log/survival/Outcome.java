package no.ipshub.log.survival;

/** The two times to an event the log measures, as defined in {@code docs/indicators.md}. */
public enum Outcome {

    /** From the referral to the first competitive job. */
    FIRST_JOB("firstJob"),

    /** From the start of a competitive job to its end. */
    JOB_TENURE("jobTenure");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    /** The outcome's name in the API and the exports. */
    public String id() {
        return id;
    }
}

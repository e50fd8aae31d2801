package no.ipshub.log.indicators;

/**
 * The IPS process and outcome indicators the log computes. Each is defined once, in
 * {@code collaboration-log/docs/indicators.md}; the ids are the names in the API and the exports.
 */
public enum Indicator {

    REFERRALS("referrals"),
    ACCEPTANCE_RATE("acceptanceRate"),
    MEDIAN_DAYS_TO_FIRST_EMPLOYER_CONTACT("medianDaysToFirstEmployerContact"),
    SHARE_FIRST_EMPLOYER_CONTACT_WITHIN_30_DAYS("shareFirstEmployerContactWithin30Days"),
    EMPLOYER_CONTACTS_PER_OPEN_CASE_MONTH("employerContactsPerOpenCaseMonth"),
    TEAM_NAV_MEETINGS_PER_OPEN_CASE_MONTH("teamNavMeetingsPerOpenCaseMonth"),
    OPEN_CASELOAD("openCaseload"),
    OPEN_CASES_PER_JOB_SPECIALIST("openCasesPerJobSpecialist"),
    SHARE_STARTED_COMPETITIVE_WORK("shareStartedCompetitiveWork"),
    /** Conditional on getting a job: the time-to-event answer gives the Kaplan-Meier median over every case. */
    MEDIAN_DAYS_TO_FIRST_JOB_AMONG_EMPLOYED("medianDaysToFirstJobAmongEmployed"),
    MEAN_HOURS_PER_WEEK("meanHoursPerWeek"),
    HANDOVERS_PER_CASE("handoversPerCase"),
    SHARE_CASES_WITH_NAV_MEASURE("shareCasesWithNavMeasure"),
    SHARE_JOB_STARTS_WITH_WAGE_SUBSIDY("shareJobStartsWithWageSubsidy"),
    MEAN_EARNINGS_PER_EMPLOYED_PARTICIPANT("meanEarningsPerEmployedParticipant"),
    JOB_SPECIALISTS_ACTIVE("jobSpecialistsActive", Indicator.JOB_SPECIALISTS),
    JOB_SPECIALISTS_STARTED("jobSpecialistsStarted", Indicator.JOB_SPECIALISTS),
    JOB_SPECIALISTS_LEFT("jobSpecialistsLeft", Indicator.JOB_SPECIALISTS),
    JOB_SPECIALIST_TURNOVER("jobSpecialistTurnover"),
    /** The Kaplan-Meier median of the tenures that began in the window, those still running censored. */
    MEDIAN_JOB_SPECIALIST_TENURE_DAYS("medianJobSpecialistTenureDays");

    /**
     * The statistic of the counts of job specialists: active, started and left count the same people, so the check
     * for arithmetic that singles out a small group takes them together.
     */
    public static final String JOB_SPECIALISTS = "jobSpecialists";

    private final String id;
    private final String statistic;

    Indicator(String id) {
        this(id, id);
    }

    Indicator(String id, String statistic) {
        this.id = id;
        this.statistic = statistic;
    }

    /** What its values count or sum, for the disclosure check: the indicator itself unless it shares one. */
    public String statistic() {
        return statistic;
    }

    /** The indicator's name in the API and the exports. */
    public String id() {
        return id;
    }
}

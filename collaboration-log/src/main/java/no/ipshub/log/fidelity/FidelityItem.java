package no.ipshub.log.fidelity;

/**
 * The 25 items of the IPS Fidelity Scale (IPS-25), each scored 1-5 by a fidelity review. The items the log's
 * events can evidence carry how their value is measured and which of their anchors ask for what no event records,
 * from which one rule caps the anchor the events can give; the others are not from events. Each is defined once, in
 * {@code collaboration-log/docs/fidelity.md}.
 */
public enum FidelityItem {

    CASELOAD_SIZE(1, "caseloadSize", "Caseload size", Section.STAFFING, Basis.SCALE,
            "open cases per job specialist"),
    EMPLOYMENT_SERVICES_STAFF(2, "employmentServicesStaff", "Employment services staff", Section.STAFFING),
    VOCATIONAL_GENERALISTS(3, "vocationalGeneralists", "Vocational generalists", Section.STAFFING),
    TEAM_ASSIGNMENT(4, "integrationThroughTeamAssignment",
            "Integration of rehabilitation with mental health treatment through team assignment", Section.ORGANISATION),
    TEAM_CONTACT(5, "integrationThroughFrequentTeamContact",
            "Integration of rehabilitation with mental health treatment through frequent team member contact",
            Section.ORGANISATION, Basis.PROXY, "treatment team meetings per open case-month"),
    COLLABORATION_WITH_NAV(6, "collaborationWithNav",
            "Collaboration between employment specialists and vocational rehabilitation counsellors (NAV)",
            Section.ORGANISATION, Basis.SCALE, "NAV collaboration meetings per month"),
    VOCATIONAL_UNIT(7, "vocationalUnit", "Vocational unit", Section.ORGANISATION),
    SUPERVISOR_ROLE(8, "roleOfEmploymentSupervisor", "Role of employment supervisor", Section.ORGANISATION),
    ZERO_EXCLUSION(9, "zeroExclusionCriteria", "Zero exclusion criteria", Section.ORGANISATION),
    AGENCY_FOCUS(10, "agencyFocusOnCompetitiveEmployment", "Agency focus on competitive employment",
            Section.ORGANISATION),
    EXECUTIVE_SUPPORT(11, "executiveTeamSupport", "Executive team support for supported employment",
            Section.ORGANISATION),
    WORK_INCENTIVES_PLANNING(12, "workIncentivesPlanning", "Work incentives planning", Section.SERVICES, Basis.PROXY,
            "share of job starts with benefits counselling before them"),
    DISCLOSURE(13, "disclosure", "Disclosure", Section.SERVICES),
    WORK_BASED_ASSESSMENT(14, "ongoingWorkBasedAssessment", "Ongoing, work-based vocational assessment", Section.SERVICES),
    RAPID_JOB_SEARCH(15, "rapidJobSearch", "Rapid search for competitive job", Section.SERVICES, Basis.SCALE,
            "mean days from referral to first employer contact"),
    INDIVIDUALISED_JOB_SEARCH(16, "individualisedJobSearch", "Individualised job search", Section.SERVICES),
    FREQUENT_EMPLOYER_CONTACT(17, "frequentEmployerContact", "Job development: frequent employer contact",
            Section.SERVICES, Basis.SCALE, "employer contacts per job specialist per week", 3),
    EMPLOYER_CONTACT_QUALITY(18, "qualityOfEmployerContact", "Job development: quality of employer contact",
            Section.SERVICES),
    DIVERSITY_OF_JOB_TYPES(19, "diversityOfJobTypes", "Diversity of job types", Section.SERVICES, Basis.SCALE,
            "distinct STYRK-08 occupations per job started"),
    DIVERSITY_OF_EMPLOYERS(20, "diversityOfEmployers", "Diversity of employers", Section.SERVICES, Basis.SCALE,
            "distinct employers per job started"),
    COMPETITIVE_JOBS(21, "competitiveJobs", "Competitive jobs", Section.SERVICES, Basis.SCALE,
            "share of job starts that are competitive and permanent"),
    INDIVIDUALISED_FOLLOW_ALONG(22, "individualisedFollowAlongSupports", "Individualised follow-along supports",
            Section.SERVICES, Basis.SCALE, "share of job starts with follow-along support during the job", 4),
    TIME_UNLIMITED_FOLLOW_ALONG(23, "timeUnlimitedFollowAlongSupports", "Time-unlimited follow-along supports",
            Section.SERVICES, Basis.SCALE, "share of jobs reaching four months with support in their fourth month", 4),
    COMMUNITY_BASED_SERVICES(24, "communityBasedServices", "Community-based services", Section.SERVICES),
    ASSERTIVE_ENGAGEMENT(25, "assertiveEngagementAndOutreach", "Assertive engagement and outreach by integrated treatment team",
            Section.SERVICES, Basis.PROXY, "share of closings without a job that an outreach attempt came before");

    /** The scale's three sections. */
    public enum Section { STAFFING, ORGANISATION, SERVICES }

    /** Whether the log's events can evidence an item at all. */
    public enum Evidence { FROM_EVENTS, NOT_FROM_EVENTS }

    /**
     * How the anchor is found: from the scale's own numeric anchors applied to the measured value, or from the
     * log's own thresholds for an item whose anchors are not numbers (a proxy, not the scale's wording).
     */
    public enum Basis { SCALE, PROXY }

    /** The highest anchor of the scale. */
    static final int TOP_ANCHOR = 5;

    private final int number;
    private final String id;
    private final String title;
    private final Section section;
    private final Basis basis;
    private final String measured;
    private final int firstAnchorBeyondEvents;

    FidelityItem(int number, String id, String title, Section section) {
        this(number, id, title, section, null, null, 0);
    }

    FidelityItem(int number, String id, String title, Section section, Basis basis, String measured) {
        this(number, id, title, section, basis, measured, TOP_ANCHOR + 1);
    }

    /**
     * @param firstAnchorBeyondEvents the lowest anchor that asks for something no event records (a tracking process,
     *                                kinds of support, patterns of contact); {@code TOP_ANCHOR + 1} when none does
     */
    FidelityItem(int number, String id, String title, Section section, Basis basis, String measured,
            int firstAnchorBeyondEvents) {
        this.number = number;
        this.id = id;
        this.title = title;
        this.section = section;
        this.basis = basis;
        this.measured = measured;
        this.firstAnchorBeyondEvents = firstAnchorBeyondEvents;
    }

    /** The item's number on the scale, 1-25. */
    public int number() {
        return number;
    }

    /** The item's name in the API and the exports. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Section section() {
        return section;
    }

    public Evidence evidence() {
        return basis == null ? Evidence.NOT_FROM_EVENTS : Evidence.FROM_EVENTS;
    }

    /** How the anchor is found; null for an item not from events. */
    public Basis basis() {
        return basis;
    }

    /**
     * The cap, by the one rule of {@code docs/fidelity.md}: the highest anchor whose every condition the events can
     * show. A {@code PROXY} item's anchors count or describe elements of practice, of which the events show one, so
     * it is 1; a {@code SCALE} item's is the anchor below the lowest that asks for what no event records, else the
     * top anchor. 0 when not from events.
     */
    public int highestAnchorFromEvents() {
        if (basis == null) {
            return 0;
        }
        return basis == Basis.PROXY ? 1 : Math.min(TOP_ANCHOR, firstAnchorBeyondEvents - 1);
    }

    /** The anchor the events give a value that reaches {@code anchor} on the item's thresholds: at most the cap. */
    public int fromEvents(int anchor) {
        return Math.min(anchor, highestAnchorFromEvents());
    }

    /** What the value measures; null for an item not from events. */
    public String measured() {
        return measured;
    }

    /**
     * The measure under which the differencing check remembers what was shown: the indicator's id where the item
     * is the same statistic as an indicator, else {@code ips25.<id>}.
     */
    public String releaseMeasure() {
        return this == CASELOAD_SIZE ? "openCasesPerJobSpecialist" : "ips25." + id;
    }
}

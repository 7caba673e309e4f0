package uk.mathshubs.contracts;

/** Kafka topics, one per kind of aggregate; the producing service owns each. */
public final class Topics {

    public static final String PROGRAMMES = "catalogue.programmes";
    public static final String WORK_GROUPS = "catalogue.work-groups";
    public static final String APPLICATIONS = "applications.applications";
    /** The schools register's changes that others keep: a school's history moving to its successor. */
    public static final String SCHOOLS = "applications.schools";
    public static final String SESSIONS = "scheduling.sessions";
    public static final String ATTENDANCE = "scheduling.attendance";
    public static final String PARTICIPATION = "scheduling.participation";

    private Topics() {
    }
}

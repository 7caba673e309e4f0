package uk.mathshubs.contracts;

/**
 * The people a school names on an application. A programme lists the roles it requires
 * (Mastering Number R/KS1: a lead teacher for each of Reception, Year 1 and Year 2, the maths lead and the headteacher).
 */
public enum ParticipantRole {
    HEADTEACHER(Audience.HEADTEACHERS),
    MATHS_LEAD(Audience.MATHS_LEADS),
    LEAD_TEACHER_RECEPTION(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_1(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_2(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_3(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_4(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_5(Audience.LEAD_TEACHERS),
    LEAD_TEACHER_YEAR_6(Audience.LEAD_TEACHERS),
    /** A participating class teacher where the programme names no year group (TfM: "two teachers per school"). */
    TEACHER(Audience.LEAD_TEACHERS);

    private final Audience audience;

    ParticipantRole(Audience audience) {
        this.audience = audience;
    }

    /** Who a session is for; a person is expected at the sessions of their audience and at those for everyone. */
    public enum Audience {
        LEAD_TEACHERS, HEADTEACHERS, MATHS_LEADS, EVERYONE
    }

    public boolean isExpectedAt(Audience sessionAudience) {
        return sessionAudience == Audience.EVERYONE || sessionAudience == audience;
    }

    public Audience audience() {
        return audience;
    }
}

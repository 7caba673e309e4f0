package uk.mathshubs.scheduling.notifications;

import uk.mathshubs.scheduling.domain.WorkGroup;

/** How the mails name a Work Group and its programme, the same in every mail. */
public final class WorkGroupWords {

    private WorkGroupWords() {
    }

    /** The programme as schools know it; by its code while this service's copy of the Work Group has no title yet. */
    public static String programme(WorkGroup group, String programmeCode) {
        return group == null || group.programmeTitle == null ? programmeCode : group.programmeTitle;
    }

    /** "Central Maths Hub's Mastering Number at KS2 Work Group for 2024/25" ("the ..." when the hub is unknown). */
    public static String workGroup(String hubName, String programme, String academicYear) {
        return (hubName == null ? "the " : hubName + "'s ") + programme + " Work Group for " + academicYear;
    }
}

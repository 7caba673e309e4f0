package uk.mathshubs.scheduling.api;

/**
 * Sessions are scheduled in UK local time, without an offset (2027-10-14T16:00), which the service turns into the
 * right instant either side of a clock change: not an RFC 3339 date-time, so documented as what it is.
 */
public final class UkLocalTimes {

    public static final String PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$";
    public static final String DESCRIPTION = "A UK local date and time, without an offset";

    private UkLocalTimes() {
    }
}

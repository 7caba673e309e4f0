package uk.mathshubs.applications.domain;

/**
 * The kinds of reason a school's leaving is given with, each a list of codes kept as data in {@code reason_code} (the
 * kit's {@code ReasonCodes}; {@code kit.reason-codes.kinds} names the same three).
 */
public final class ReasonKinds {

    /** Why the hub turned an application down. */
    public static final String REJECTION = "rejection";
    /** Why the school gave up its application or its place: the NCETM counts drop-out by these. */
    public static final String WITHDRAWAL = "withdrawal";
    /** Why the school declined a place offered from the waiting list. */
    public static final String OFFER_DECLINE = "offer-decline";

    private ReasonKinds() {
    }
}

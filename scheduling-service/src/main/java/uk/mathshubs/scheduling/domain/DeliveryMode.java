package uk.mathshubs.scheduling.domain;

/** How a session is delivered, as the programme pages describe them. */
public enum DeliveryMode {
    /** "YouTube Live launch". */
    LIVE_ONLINE,
    /** "Workshop 1", online, with activities between talks. */
    ONLINE_WORKSHOP,
    FACE_TO_FACE,
    /** An after-school session. */
    TWILIGHT
}

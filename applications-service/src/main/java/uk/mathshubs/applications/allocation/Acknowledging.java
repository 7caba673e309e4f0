package uk.mathshubs.applications.allocation;

import java.util.List;

import uk.mathshubs.applications.domain.Application;

/**
 * What a school is sent when its application was received, which the intake leaves for just behind it: the
 * {@link Allocator}'s passes write it once no application waits for a place, and a batch whose decisions are mailed at
 * once writes its own first: a school's "received" mail is never written after its decision's.
 */
public interface Acknowledging {

    /** Up to {@code atMost} of the acknowledgements due, oldest first, in a transaction of their own; returns how many. */
    int acknowledgeDue(int atMost);

    /** Those of these applications still due, in the caller's transaction. */
    void acknowledgeAnyDue(List<Application> applications);
}

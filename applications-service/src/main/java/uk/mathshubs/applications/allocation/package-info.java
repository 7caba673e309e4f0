/**
 * How places are given, in one package. "Places are allocated first come first served up to capacity, unless a
 * priority rule applies when oversubscribed; the rest wait on a waiting list, and a place given up goes to the next
 * school waiting. Decisions are confirmed to schools on the confirmation date."
 * <ul>
 * <li>{@link uk.mathshubs.applications.allocation.ArrivalOrder}: the intake order, a number each application takes
 * when it is received, and how far the allocator may go without overtaking an intake still committing;</li>
 * <li>{@link uk.mathshubs.applications.allocation.Allocator}: received applications placed per Work Group, in
 * batches, in arrival order (first come first served), or by priority then arrival once a priority-rules group
 * closes;</li>
 * <li>{@link uk.mathshubs.applications.allocation.Places}: a Work Group's places and its waiting list, counted on its
 * row, never overbooked;</li>
 * <li>{@link uk.mathshubs.applications.allocation.Offers}: a place given up is offered to the first school waiting and
 * held for it; an offer declined or not taken up in time goes to the next ({@link
 * uk.mathshubs.applications.allocation.OfferExpiry}).</li>
 * </ul>
 * The hub's own decisions (accepting, rejecting, overriding) are in {@code service.Decisions}; they take and give back
 * places through {@link uk.mathshubs.applications.allocation.Places} and {@link uk.mathshubs.applications.allocation.Offers}.
 */
package uk.mathshubs.applications.allocation;

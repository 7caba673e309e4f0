package uk.mathshubs.applications.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.allocation.Offers;
import uk.mathshubs.applications.allocation.Places;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.ReasonKinds;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.reasons.ReasonCodes;
import uk.mathshubs.kit.security.Caller;

/**
 * The hub's decisions on an application (accepting, overriding, rejecting) and the school's own steps (withdrawing,
 * answering an offer). Places are taken and given back through {@link Places} and {@link Offers}, where the
 * allocation rules live. A step that ends an application takes its reason as a code from its kind's list
 * ({@link ReasonKinds}) beside the free text: {@link ReasonCodes#NOT_GIVEN} when none is given, a 400 for one not in use.
 */
@ApplicationScoped
@Transactional
public class Decisions {

    private final Places places;
    private final Offers offers;
    private final ApplicationEvents events;
    private final ApplicationAccess access;
    private final ReasonCodes reasons;
    private final Caller caller;
    private final Clock clock;

    public Decisions(Places places, Offers offers, ApplicationEvents events, ApplicationAccess access, ReasonCodes reasons,
            Caller caller, Clock clock) {
        this.places = places;
        this.offers = offers;
        this.events = events;
        this.access = access;
        this.reasons = reasons;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The hub gives the school a place: after reviewing it, overriding an ineligible outcome, or ahead of the
     * waiting list. Only into a free place; a full Work Group is a conflict, never an overbooking.
     */
    public Application accept(String reference, String reason) {
        Application application = access.forHub(reference);
        WorkGroup group = workGroup(application);
        String why = requireReasonFor(application, reason);
        boolean heldPlace = application.status.holdsPlace();
        if (!heldPlace && !places.take(group.id)) {
            throw ProblemException.conflict("no-places-left", "No places left",
                    "All " + group.capacity + " places of this Work Group are taken; reject or withdraw another school first");
        }
        Integer position = application.waitingListPosition;
        application.moveTo(ApplicationStatus.ACCEPTED, why, caller.name(), clock.instant());
        if (position != null) {
            places.leaveWaitingList(group.id, position);
        }
        events.accepted(application, group);
        return application;
    }

    /** The hub turns the application down; a place the school held goes to the next school waiting. */
    public Application reject(String reference, String reasonCode, String reason) {
        Application application = access.forHub(reference);
        String code = reasons.require(ReasonKinds.REJECTION, "reasonCode", reasonCode);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "a rejection needs a reason the school can read");
        }
        leave(application, ApplicationStatus.REJECTED, code, reason.strip(), caller.name());
        return application;
    }

    /** The school (or its hub for it) gives up its application, its place or its place in the queue. */
    public Application withdraw(String reference, Optional<String> secret, String reasonCode, String reason) {
        Application application = access.forSchoolOrHub(reference, secret);
        String code = reasons.require(ReasonKinds.WITHDRAWAL, "reasonCode", reasonCode);
        leave(application, ApplicationStatus.WITHDRAWN, code, blankToNull(reason), secret.isPresent() ? "school" : caller.name());
        return application;
    }

    public Application acceptOffer(String reference, Optional<String> secret) {
        Application application = access.forSchoolOrHub(reference, secret);
        offers.take(application, secret.isPresent() ? "school" : caller.name());
        return application;
    }

    public Application declineOffer(String reference, Optional<String> secret, String reasonCode, String reason) {
        Application application = access.forSchoolOrHub(reference, secret);
        String code = reasons.require(ReasonKinds.OFFER_DECLINE, "reasonCode", reasonCode);
        offers.decline(application, code, blankToNull(reason), secret.isPresent() ? "school" : caller.name());
        return application;
    }

    private void leave(Application application, ApplicationStatus to, String reasonCode, String reason, String decidedBy) {
        boolean placeReleased = application.status.holdsPlace();
        Integer position = application.waitingListPosition;
        application.leave(to, reasonCode, reason, decidedBy, clock.instant());
        if (position != null) {
            places.leaveWaitingList(application.workGroupId, position);
        }
        if (to == ApplicationStatus.REJECTED) {
            events.rejected(application, placeReleased);
        } else {
            events.withdrawn(application, placeReleased);
        }
        if (placeReleased) {
            offers.passOn(application.workGroupId);
        }
    }

    /** Overriding the rules or skipping the queue must say why; a plain acceptance after review need not. */
    private static String requireReasonFor(Application application, String reason) {
        boolean override = application.status == ApplicationStatus.INELIGIBLE || application.status == ApplicationStatus.WAITLISTED;
        if (override && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "accepting a " + application.status.name().toLowerCase()
                    + " application overrides the rules and needs a reason");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static String blankToNull(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static WorkGroup workGroup(Application application) {
        return WorkGroup.findById(application.workGroupId);
    }
}

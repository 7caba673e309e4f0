package uk.mathshubs.scheduling.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.contracts.applications.ApplicationAccepted;
import uk.mathshubs.contracts.applications.ApplicationOfferEnded;
import uk.mathshubs.contracts.applications.ApplicationOffered;
import uk.mathshubs.contracts.applications.ApplicationRejected;
import uk.mathshubs.contracts.applications.ApplicationSubmitted;
import uk.mathshubs.contracts.applications.ApplicationWaitingListMoved;
import uk.mathshubs.contracts.applications.ApplicationWaitlisted;
import uk.mathshubs.contracts.applications.ApplicationWithdrawn;
import uk.mathshubs.scheduling.domain.SchoolApplication;

/**
 * Each school's application as the applications service announces it, for the NCETM's sync. Events of one application
 * travel in order on one partition; {@code at} is the event's time, for the steps whose payload carries none.
 */
@ApplicationScoped
@Transactional
public class SchoolApplications {

    public void submitted(ApplicationSubmitted e) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).submitted(e.schoolName(), e.submittedAt());
    }

    public void waitlisted(ApplicationWaitlisted e, Instant at) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).waitlisted(e.position(), at);
    }

    public void movedUp(ApplicationWaitingListMoved e) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).movedUp(e.position());
    }

    public void offered(ApplicationOffered e, Instant at) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).offered(e.offerExpiresAt(), at);
    }

    public void offerEnded(ApplicationOfferEnded e, boolean declined) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).offerEnded(declined, e.reasonCode(), e.endedAt());
    }

    public void accepted(ApplicationAccepted e) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).accepted(e.schoolName(), e.acceptedAt());
    }

    public void rejected(ApplicationRejected e) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).rejected(e.reasonCode(), e.rejectedAt());
    }

    public void withdrawn(ApplicationWithdrawn e) {
        SchoolApplication.of(e.applicationId(), e.reference(), e.workGroupId(), e.urn()).withdrawn(e.reasonCode(), e.withdrawnAt());
    }
}

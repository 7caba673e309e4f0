package uk.mathshubs.applications.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.Erasure;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.notifications.ApplicationMails.WorkGroupNames;
import uk.mathshubs.kit.mail.HubNames;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.mail.OutgoingMail;
import uk.mathshubs.kit.mail.UkDates;

/**
 * Which emails each step of an application causes, and to whom; written in the step's own transaction (see
 * {@link MailOutbox}). Called where the service records its events ({@code ApplicationEvents}), and for the received
 * application by {@code Acknowledgements}, just behind the intake, with the confirmation links {@code Confirmations} made.
 * <ul>
 * <li>received: "application received", with the reference, to the main contact and the headteacher; and each person
 * named their own confirmation link;</li>
 * <li>accepted, waitlisted (with the position), rejected (with the reason): on the Work Group's confirmation date, as
 * the school sees the decision then ({@link DecisionAnnouncements}), or at once from that date on;</li>
 * <li>offered a place from the waiting list: at once, with the time the hold ends.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApplicationNotifications {

    static final String RECEIVED = "application-received";
    static final String CONFIRMATION_REQUEST = "confirmation-request";
    static final String DECISION = "decision-";
    static final String OFFER = "waiting-list-offer";

    private final MailOutbox outbox;
    private final HubNames hubs;
    private final Clock clock;

    public ApplicationNotifications(MailOutbox outbox, HubNames hubs, Clock clock) {
        this.outbox = outbox;
        this.hubs = hubs;
        this.clock = clock;
    }

    /**
     * The application received: "application received" to the school, and each person named their own confirmation
     * link, in one write. The links' tokens exist nowhere else: only the hash is kept ({@code Confirmations}).
     */
    public void received(Application a, WorkGroup group, List<ConfirmationLink> links) {
        WorkGroupNames names = names(group);
        String outcome = a.eligibilityOutcome == null ? null : a.eligibilityOutcome.name();
        String reason = a.eligibility == null || a.eligibility.decidedBy() == null ? null : a.eligibility.decidedBy().reason();
        Instant now = clock.instant();
        List<OutgoingMail> mails = toSchool(a, RECEIVED,
                "Application received: " + a.schoolName + ", " + group.programmeTitle + " (" + a.reference + ")",
                (name, email) -> ApplicationMails.received(
                        new ApplicationMails.Received(name, a.schoolName, a.reference, names, outcome, reason)), now);
        String subject = "Please confirm your school's commitment to " + group.programmeTitle;
        links.stream().filter(link -> !Erasure.isErased(link.email()))
                .map(link -> new OutgoingMail(CONFIRMATION_REQUEST, link.email(), link.personId(), a.id, subject,
                        ApplicationMails.confirmationRequest(
                                new ApplicationMails.ConfirmationRequest(link.name(), a.schoolName, a.reference, names, link.url())),
                        null, now))
                .forEach(mails::add);
        outbox.add(mails);
    }

    /** A person asked to confirm, and their link; {@code personId} is null for a headteacher the programme does not enrol. */
    public record ConfirmationLink(UUID personId, String name, String email, String url) {
    }

    /**
     * An allocation decision. Schools see decisions from the confirmation date (UK time); one made before it is
     * mailed by {@link DecisionAnnouncements} on the day, as the application then stands.
     */
    public void decided(Application a, WorkGroup group) {
        if (group.decisionsReleasedAt(clock.instant())) {
            announce(a, group);
        }
    }

    /** The decision as it stands, mailed now. */
    void announce(Application a, WorkGroup group) {
        WorkGroupNames names = names(group);
        BiFunction<String, String, ApplicationMails.Decision> decision = (name, email) -> new ApplicationMails.Decision(
                name, a.schoolName, a.reference, names, a.waitingListPosition, a.decisionReason);
        Instant now = clock.instant();
        switch (a.status) {
            case ACCEPTED -> outbox.add(toSchool(a, DECISION + "accepted",
                    "A place for " + a.schoolName + " in " + group.programmeTitle + " (" + a.reference + ")",
                    (name, email) -> ApplicationMails.accepted(decision.apply(name, email)), now));
            case WAITLISTED -> outbox.add(toSchool(a, DECISION + "waitlisted",
                    "Waiting list for " + group.programmeTitle + ": " + a.schoolName + " (" + a.reference + ")",
                    (name, email) -> ApplicationMails.waitlisted(decision.apply(name, email)), now));
            case REJECTED -> outbox.add(toSchool(a, DECISION + "rejected",
                    "Your application for " + group.programmeTitle + " (" + a.reference + ")",
                    (name, email) -> ApplicationMails.rejected(decision.apply(name, email)), now));
            default -> {
                // not an allocation decision: nothing to announce
            }
        }
    }

    /** A place from the waiting list: the school sees it at once, and must answer before the hold ends. */
    public void offered(Application a, WorkGroup group) {
        if (a.status != ApplicationStatus.OFFERED || a.offerExpiresAt == null) {
            return;
        }
        WorkGroupNames names = names(group);
        outbox.add(toSchool(a, OFFER, "A place is offered to " + a.schoolName + ": please reply by " + UkDates.ukDateTime(a.offerExpiresAt)
                        + " (" + a.reference + ")",
                (name, email) -> ApplicationMails.offered(
                        new ApplicationMails.Offer(name, a.schoolName, a.reference, names, a.offerExpiresAt)),
                clock.instant()));
    }

    /** The school's own addresses: its main contact and its headteacher, once each when they are the same person. */
    private static List<OutgoingMail> toSchool(Application a, String kind, String subject, BiFunction<String, String, String> body,
            Instant dueAt) {
        Map<String, String[]> recipients = new LinkedHashMap<>();
        recipients.putIfAbsent(a.mainContactEmail.toLowerCase(Locale.ROOT), new String[] {a.mainContactName, a.mainContactEmail});
        recipients.putIfAbsent(a.headteacherEmail.toLowerCase(Locale.ROOT), new String[] {a.headteacherName, a.headteacherEmail});
        List<OutgoingMail> mails = new ArrayList<>();
        for (String[] recipient : recipients.values()) {
            if (Erasure.isErased(recipient[1])) {
                continue; // erased between the intake and its acknowledgement: nothing goes to them
            }
            mails.add(new OutgoingMail(kind, recipient[1], personWith(a, recipient[1]), a.id, subject,
                    body.apply(recipient[0], recipient[1]), null, dueAt));
        }
        return mails;
    }

    private static UUID personWith(Application a, String email) {
        return a.people.stream().filter(p -> p.email.equalsIgnoreCase(email)).map(p -> p.id).findFirst().orElse(null);
    }

    private WorkGroupNames names(WorkGroup group) {
        return new WorkGroupNames(group.programmeTitle, hubs.of(group.hubCode), group.academicYear, group.confirmationDate);
    }

    /** Who a person named on the application is, for their confirmation link. */
    public static UUID personId(Application a, String role) {
        return a.people.stream().filter(p -> p.role.equals(role)).map(p -> p.id).findFirst().orElse(null);
    }
}

package uk.mathshubs.applications.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.CommitmentConfirmation;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.contracts.ParticipantRole;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * "Confirmation of school commitment (electronic signatures)": the headteacher and each lead teacher get their own
 * single-use link by email, and each confirmation is recorded with its time. The email goes after the application
 * is committed, never for one that was rolled back.
 */
@ApplicationScoped
@Transactional
public class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Event<ConfirmationRequested> requested;
    private final ReactiveMailer mailer;
    private final ApplicationsConfig config;
    private final Clock clock;

    public Confirmations(Event<ConfirmationRequested> requested, ReactiveMailer mailer, ApplicationsConfig config, Clock clock) {
        this.requested = requested;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /** Asks the headteacher and every lead teacher named on the application to confirm the programme's expectations. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Application application, WorkGroup group) {
        List<Signatory> signatories = new ArrayList<>();
        signatories.add(new Signatory(ParticipantRole.HEADTEACHER.name(), application.headteacherName, application.headteacherEmail));
        application.people.stream().filter(p -> !p.role.equals(ParticipantRole.HEADTEACHER.name()))
                .forEach(p -> signatories.add(new Signatory(p.role, p.name, p.email)));
        for (Signatory signatory : signatories) {
            String token = newToken();
            CommitmentConfirmation confirmation = new CommitmentConfirmation();
            confirmation.id = UUID.randomUUID();
            confirmation.applicationId = application.id;
            confirmation.role = signatory.role();
            confirmation.name = signatory.name();
            confirmation.email = signatory.email();
            confirmation.tokenHash = ApplicationAccess.hash(token);
            confirmation.requestedAt = clock.instant();
            confirmation.persist();
            requested.fire(new ConfirmationRequested(confirmation.email, confirmation.name, application.schoolName,
                    group.programmeTitle, application.reference, config.confirmationLink() + token));
        }
    }

    /** Records the person's confirmation. The link works once: a second use is refused, saying when it was used. */
    public CommitmentConfirmation confirm(String token) {
        CommitmentConfirmation confirmation = byToken(token);
        if (confirmation.isConfirmed()) {
            throw new ProblemException(410, "confirmation-used", "Already confirmed",
                    confirmation.name + " confirmed on " + confirmation.confirmedAt + "; this link cannot be used again", List.of());
        }
        confirmation.confirmedAt = clock.instant();
        return confirmation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommitmentConfirmation byToken(String token) {
        return CommitmentConfirmation.<CommitmentConfirmation>find("tokenHash", ApplicationAccess.hash(token)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Confirmation link"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CommitmentConfirmation> forApplication(UUID applicationId) {
        return CommitmentConfirmation.list("applicationId", Sort.by("requestedAt").and("role"), applicationId);
    }

    /**
     * Once the application is committed, the mail goes out without the school's request waiting for the mail server;
     * a failure is retried a few times, then logged (the hub sees who has not confirmed and can follow it up).
     */
    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfirmationRequested request) {
        mailer.send(Mail.withText(request.email(),
                        "Please confirm your school's commitment to " + request.programmeTitle(),
                        """
                        Dear %s,

                        %s has applied for a place in a %s Work Group (application %s) and has named you.
                        Please read the programme's expectations and confirm your commitment here:

                        %s

                        This link is for you alone and works once.
                        """.formatted(request.name(), request.schoolName(), request.programmeTitle(), request.reference(),
                                request.link())))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(3)
                .subscribe().with(sent -> {
                }, failure -> LOG.errorf("Could not send a confirmation request of application %s: %s", request.reference(),
                        failure.getMessage()));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Signatory(String role, String name, String email) {
    }

    /** The email to send once the application is committed. */
    public record ConfirmationRequested(String email, String name, String schoolName, String programmeTitle, String reference,
            String link) {
    }
}

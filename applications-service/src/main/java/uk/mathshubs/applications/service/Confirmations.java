package uk.mathshubs.applications.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.CommitmentConfirmation;
import uk.mathshubs.applications.notifications.ApplicationNotifications;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * "Confirmation of school commitment (electronic signatures)": the headteacher and each lead teacher get their own
 * single-use link by email, and each confirmation is recorded with its time. The links are made just behind the intake
 * ({@link Acknowledgements}), their emails written in the same transaction and sent once it commits, retried until the
 * mail server takes them (see {@link ApplicationNotifications}).
 */
@ApplicationScoped
@Transactional
public class Confirmations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StatelessSession rows;
    private final ApplicationsConfig config;
    private final Clock clock;

    public Confirmations(StatelessSession rows, ApplicationsConfig config, Clock clock) {
        this.rows = rows;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Asks each person the applications name ({@link CommitmentConfirmation#askedFor}) to confirm: a link of their own,
     * whose token is in no row (only its hash) and goes into their email alone. The links by application; the rows
     * for all the applications in one batch. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<ApplicationNotifications.ConfirmationLink>> request(List<Application> applications) {
        Map<UUID, List<ApplicationNotifications.ConfirmationLink>> links = new HashMap<>();
        List<CommitmentConfirmation> requested = new ArrayList<>();
        Instant now = clock.instant();
        for (Application application : applications) {
            List<ApplicationNotifications.ConfirmationLink> ones = new ArrayList<>();
            for (CommitmentConfirmation confirmation : CommitmentConfirmation.askedFor(application)) {
                String token = newToken();
                confirmation.id = TimeOrderedIds.next();
                confirmation.tokenHash = ApplicationAccess.hash(token);
                confirmation.requestedAt = now;
                ones.add(new ApplicationNotifications.ConfirmationLink(
                        ApplicationNotifications.personId(application, confirmation.role), confirmation.name, confirmation.email,
                        config.confirmationLink() + token));
                requested.add(confirmation);
            }
            links.put(application.id, ones);
        }
        rows.insertMultiple(requested);
        return links;
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

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}

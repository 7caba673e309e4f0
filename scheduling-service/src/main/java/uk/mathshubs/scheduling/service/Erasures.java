package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.mathshubs.contracts.applications.ApplicationPeopleErased;
import uk.mathshubs.kit.mail.MailOutbox;

/**
 * People erased at their request, as the applications service announced by their participant ids: what names them
 * goes, what they took part in stays (role, school, enrolments, attendance), so counts and completion still add up.
 * The NCETM's next incremental sync brings the anonymised rows, which overwrite its copy.
 */
@ApplicationScoped
@Transactional
public class Erasures {

    /** The applications service's word for an erased person's name, so that both read the same. */
    static final String ERASED_NAME = "Erased person";
    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final EntityManager entityManager;
    private final MailOutbox mails;
    private final Certificates certificates;
    private final SurveyInvitations surveys;
    private final Clock clock;

    public Erasures(EntityManager entityManager, MailOutbox mails, Certificates certificates, SurveyInvitations surveys,
            Clock clock) {
        this.entityManager = entityManager;
        this.mails = mails;
        this.certificates = certificates;
        this.surveys = surveys;
        this.clock = clock;
    }

    public void erased(ApplicationPeopleErased erased) {
        if (erased.participantIds().isEmpty()) {
            return;
        }
        // The private calendar link changes too (as in V2, from the database's strong random source): it showed them.
        int people = entityManager.createNativeQuery("""
                UPDATE participant SET name = :name, email = NULL, trn = NULL, erased_at = :at,
                       calendar_token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
                WHERE id IN (:ids)""")
                .setParameter("name", ERASED_NAME).setParameter("at", clock.instant())
                .setParameter("ids", erased.participantIds()).executeUpdate();
        // Invitations to them, sent or still to go: nothing more goes to someone erased.
        mails.forget(List.of(), erased.participantIds());
        // Their certificates are voided and lose their name and link; their survey answers stay, never having named them.
        certificates.erased(erased.participantIds());
        surveys.erased(erased.participantIds());
        LOG.infof("Application %s: %d people erased", erased.reference(), people);
    }
}

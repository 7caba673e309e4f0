package uk.mathshubs.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import uk.mathshubs.kit.mail.HubNames;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.mail.OutgoingMail;
import uk.mathshubs.kit.mail.UkDates;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.scheduling.api.CertificateCheck;
import uk.mathshubs.scheduling.certificates.CertificatePdf;
import uk.mathshubs.scheduling.config.AfterTheYearConfig;
import uk.mathshubs.scheduling.domain.Participant;
import uk.mathshubs.scheduling.domain.Secrets;
import uk.mathshubs.scheduling.domain.WorkGroup;
import uk.mathshubs.scheduling.notifications.AfterTheYearMails;
import uk.mathshubs.scheduling.notifications.AfterTheYearMails.CertificateMail;
import uk.mathshubs.scheduling.notifications.WorkGroupWords;

/**
 * Certificates of completion: one for each person still taking part for a school that completed a Work Group (the
 * completion rule decides, in {@link CompletionService}), with a code anyone can check and a private link to the
 * PDF, mailed to them. A completion corrected to "not completed" voids the school's certificates; one corrected back
 * issues new ones. Erasure voids a person's and removes their name and link.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Certificates {

    public static final String COMPLETION_CORRECTED = "COMPLETION_CORRECTED";
    public static final String ERASED_AT_REQUEST = "ERASED_AT_REQUEST";
    private static final Logger LOG = Logger.getLogger(Certificates.class);

    private final EntityManager entityManager;
    private final MailOutbox mails;
    private final HubNames hubs;
    private final AfterTheYearConfig config;
    private final Clock clock;

    public Certificates(EntityManager entityManager, MailOutbox mails, HubNames hubs, AfterTheYearConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mails = mails;
        this.hubs = hubs;
        this.config = config;
        this.clock = clock;
    }

    /** The school completed the Work Group: a certificate for each of its people still taking part who has none. */
    public int issue(WorkGroup group, String urn) {
        Instant now = clock.instant();
        String programme = WorkGroupWords.programme(group, group.programmeCode);
        String hub = hubs.of(group.hubCode);
        List<Participant> people = Participant.list(
                "workGroupId = ?1 and urn = ?2 and withdrawnAt is null and erasedAt is null", group.id, urn);
        List<OutgoingMail> mailed = new ArrayList<>();
        for (Participant person : people) {
            String code = Secrets.newCertificateCode();
            String token = Secrets.newLinkToken();
            // One valid certificate per person and Work Group (the partial unique index): one held already stands.
            int written = entityManager.createNativeQuery("""
                    INSERT INTO certificate (code, participant_id, work_group_id, urn, person_name, programme_code,
                        programme_title, hub_code, academic_year, download_token, issued_at)
                    VALUES (:code, :person, :group, :urn, :name, :programmeCode, :programme, :hub, :year, :token, :at)
                    ON CONFLICT (participant_id, work_group_id) WHERE voided_at IS NULL DO NOTHING""")
                    .setParameter("code", code).setParameter("person", person.id).setParameter("group", group.id)
                    .setParameter("urn", urn).setParameter("name", person.name)
                    .setParameter("programmeCode", group.programmeCode).setParameter("programme", programme)
                    .setParameter("hub", group.hubCode).setParameter("year", group.academicYear)
                    .setParameter("token", token).setParameter("at", now)
                    .executeUpdate();
            if (written == 1 && person.email != null) {
                CertificateMail mail = new CertificateMail(person.name, person.schoolName,
                        WorkGroupWords.workGroup(hub, programme, group.academicYear), config.certificateLink() + token + ".pdf",
                        code, config.verificationLink() + code);
                mailed.add(new OutgoingMail("certificate", person.email, person.id, group.id,
                        "Your certificate of completion: " + programme + " " + group.academicYear,
                        AfterTheYearMails.certificate(mail), null, now));
            }
        }
        mails.add(mailed);
        return mailed.size();
    }

    /** The school's completion was corrected to "not completed": its people's certificates stop being valid. */
    public int voidForSchool(UUID workGroupId, String urn) {
        return entityManager.createNativeQuery("""
                UPDATE certificate SET voided_at = :at, void_reason = :reason
                WHERE work_group_id = :group AND urn = :urn AND voided_at IS NULL""")
                .setParameter("at", clock.instant()).setParameter("reason", COMPLETION_CORRECTED)
                .setParameter("group", workGroupId).setParameter("urn", urn)
                .executeUpdate();
    }

    /** People erased at their request: their certificates are voided, and lose their name, their link and them. */
    public void erased(Collection<UUID> participantIds) {
        int voided = entityManager.createNativeQuery("""
                UPDATE certificate SET voided_at = coalesce(voided_at, :at), void_reason = coalesce(void_reason, :reason),
                       person_name = NULL, download_token = NULL, participant_id = NULL
                WHERE participant_id IN (:people)""")
                .setParameter("at", clock.instant()).setParameter("reason", ERASED_AT_REQUEST)
                .setParameter("people", participantIds)
                .executeUpdate();
        LOG.debugf("%d certificates voided by erasure", voided);
    }

    /**
     * What anyone may learn from a code: valid or not, and for which programme, hub and year. Not why a certificate
     * was voided: that the person asked to be forgotten is theirs to tell, not the check's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CertificateCheck> check(String code) {
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT code, programme_title, programme_code, hub_code, academic_year, issued_at, voided_at
                FROM certificate WHERE code = :code""")
                .setParameter("code", normalised).getResultList();
        return rows.stream().findFirst().map(r -> new CertificateCheck((String) r[0], r[6] == null, (String) r[1],
                (String) r[2], hubs.of((String) r[3]), (String) r[4], UkDates.today(NativeRows.instant(r[5])),
                r[6] == null ? null : UkDates.today(NativeRows.instant(r[6]))));
    }

    /** The PDF behind a person's private link; a voided certificate is refused as gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> pdf(String token) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT c.person_name, p.school_name, c.programme_title, c.hub_code, c.academic_year, c.issued_at, c.code,
                       c.voided_at
                FROM certificate c JOIN participant p ON p.id = c.participant_id
                WHERE c.download_token = :token""")
                .setParameter("token", token).getResultList();
        return rows.stream().findFirst().map(r -> {
            if (r[7] != null) {
                throw new ProblemException(410, "certificate-void", "This certificate is no longer valid",
                        "It was voided on " + UkDates.ukDate(NativeRows.instant(r[7])) + "; GET /api/v1/certificates/" + r[6]
                                + " says why", List.of());
            }
            return CertificatePdf.render(new CertificatePdf.Content((String) r[0], (String) r[1], (String) r[2],
                    hubs.of((String) r[3]), (String) r[4], UkDates.today(NativeRows.instant(r[5])), (String) r[6],
                    config.verificationLink() + r[6]));
        });
    }
}

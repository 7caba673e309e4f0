package uk.mathshubs.applications.service;

import static uk.mathshubs.applications.domain.Erasure.ERASED_NAME;
import static uk.mathshubs.applications.domain.Erasure.erasedEmail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.mathshubs.applications.api.ErasureRequest;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationPerson;
import uk.mathshubs.applications.domain.Erasure;
import uk.mathshubs.applications.domain.Trn;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.outbox.OutboxEvent;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/**
 * A teacher's right to erasure: every name, address and TRN of theirs this service holds is overwritten in one
 * transaction, applications and confirmations stay (so a school's participation still counts), and each application
 * that named them announces it by participant ids, which the other services erase by.
 */
@ApplicationScoped
@Transactional
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class);

    private final EntityManager entityManager;
    private final ApplicationEvents events;
    private final MailOutbox mails;
    private final ObjectMapper json;
    private final Caller caller;
    private final Clock clock;

    public Erasures(EntityManager entityManager, ApplicationEvents events, MailOutbox mails, ObjectMapper json, Caller caller,
            Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.mails = mails;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    public Erasure erase(ErasureRequest request) {
        Set<String> emails = new HashSet<>();
        Set<String> trns = new HashSet<>();
        if (request.email() != null && !request.email().isBlank()) {
            emails.add(request.email().strip().toLowerCase(Locale.ROOT));
        }
        if (request.trn() != null && !request.trn().isBlank()) {
            trns.add(trn(request.trn()));
        }
        if (emails.isEmpty() && trns.isEmpty()) {
            throw ProblemException.invalidField("email", "give the person's email address, their TRN, or both");
        }
        Instant now = clock.instant();

        // The person as found by what was given, and by every other address and TRN those records give them.
        List<ApplicationPerson> people;
        List<Application> contacts;
        int known;
        do {
            known = emails.size() + trns.size();
            people = ApplicationPerson.list("lower(email) in ?1 or trn in ?2", orNone(emails), orNone(trns));
            contacts = Application.list("lower(headteacherEmail) in ?1 or lower(mainContactEmail) in ?1 or mainContactTrn in ?2",
                    orNone(emails), orNone(trns));
            for (ApplicationPerson person : people) {
                emails.add(person.email.toLowerCase(Locale.ROOT));
                if (person.trn != null) {
                    trns.add(person.trn);
                }
            }
            for (Application application : contacts) {
                if (emails.contains(application.mainContactEmail.toLowerCase(Locale.ROOT))
                        || application.mainContactTrn != null && trns.contains(application.mainContactTrn)) {
                    emails.add(application.mainContactEmail.toLowerCase(Locale.ROOT));
                    if (application.mainContactTrn != null) {
                        trns.add(application.mainContactTrn);
                    }
                }
            }
        } while (emails.size() + trns.size() > known);

        // People named on applications, grouped by application: each application announces its own.
        Map<Application, List<UUID>> erased = new LinkedHashMap<>();
        for (ApplicationPerson person : people) {
            person.name = ERASED_NAME;
            person.email = erasedEmail(person.id);
            person.trn = null;
            person.erasedAt = now;
            erased.computeIfAbsent(person.application, a -> new ArrayList<>()).add(person.id);
        }
        // The same person as headteacher or main contact on the application itself.
        for (Application application : contacts) {
            if (emails.contains(application.headteacherEmail.toLowerCase(Locale.ROOT))) {
                application.headteacherName = ERASED_NAME;
                application.headteacherEmail = erasedEmail(application.id);
            }
            if (emails.contains(application.mainContactEmail.toLowerCase(Locale.ROOT))) {
                application.mainContactName = ERASED_NAME;
                application.mainContactEmail = erasedEmail(application.id);
                application.mainContactTrn = null;
            }
            erased.computeIfAbsent(application, a -> new ArrayList<>());
        }
        int records = people.size() + contacts.size();
        // Confirmations are sent to an address and stand for a person's role on an application.
        List<String> roles = people.stream().map(p -> p.application.id + ":" + p.role).toList();
        records += entityManager.createNativeQuery("""
                UPDATE commitment_confirmation SET name = :name, email = 'erased-' || id || :domain
                WHERE lower(email) IN (:emails) OR application_id::text || ':' || role IN (:roles)""")
                .setParameter("name", ERASED_NAME).setParameter("domain", Erasure.ERASED_DOMAIN).setParameter("emails", orNone(emails))
                .setParameter("roles", orNone(roles)).executeUpdate();
        records += entityManager.createNativeQuery("""
                UPDATE expression_of_interest SET contact_name = :name, contact_email = 'erased-' || id || :domain
                WHERE lower(contact_email) IN (:emails)""")
                .setParameter("name", ERASED_NAME).setParameter("domain", Erasure.ERASED_DOMAIN).setParameter("emails", orNone(emails)).executeUpdate();
        // Mails to them, sent or still to go: nothing more goes to someone erased.
        mails.forget(emails, people.stream().map(p -> p.id).toList());
        Set<UUID> participantIds = Set.copyOf(people.stream().map(p -> p.id).toList());
        eraseFromEventsAlreadyWritten(erased.keySet(), participantIds);
        erased.forEach((application, ids) -> {
            if (!ids.isEmpty()) {
                events.peopleErased(application, ids, now);
            }
        });

        Erasure erasure = new Erasure();
        erasure.id = TimeOrderedIds.next();
        erasure.requestedBy = caller.name();
        erasure.erasedAt = now;
        erasure.records = records;
        erasure.applications = erased.size();
        erasure.persist();
        // Who asked is in the audit trail, not the logs.
        LOG.infof("Erasure %s: %d records on %d applications", erasure.id, erasure.records, erasure.applications);
        return erasure;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Erasure> find(UUID id) {
        return Erasure.findByIdOptional(id);
    }

    /**
     * The acceptances this service wrote carry the people they enrol; the outbox keeps them after relaying. Their
     * copies of the erased are overwritten as the tables were, so the outbox holds nothing of them either.
     */
    private void eraseFromEventsAlreadyWritten(Set<Application> applications, Set<UUID> participantIds) {
        if (applications.isEmpty() || participantIds.isEmpty()) {
            return;
        }
        List<String> keys = applications.stream().map(a -> a.id.toString()).toList();
        List<OutboxEvent> accepted = OutboxEvent.list("aggregateKey in ?1 and type = ?2", keys,
                EventType.APPLICATION_ACCEPTED.type());
        for (OutboxEvent event : accepted) {
            try {
                ObjectNode payload = (ObjectNode) json.readTree(event.payload);
                for (JsonNode person : payload.withArray("participants")) {
                    UUID id = UUID.fromString(person.get("participantId").asText());
                    if (participantIds.contains(id)) {
                        ((ObjectNode) person).put("name", ERASED_NAME).put("email", erasedEmail(id)).putNull("trn");
                    }
                }
                event.payload = payload.toString();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Outbox event " + event.eventId + " does not read", e);
            }
        }
    }

    private static String trn(String text) {
        try {
            return Trn.parse(text).value();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("trn", e.getMessage());
        }
    }

    /** For an IN list that may be empty: a value no row holds (every address and TRN has characters). */
    private static Collection<String> orNone(Collection<String> values) {
        return values.isEmpty() ? List.of("") : values;
    }
}

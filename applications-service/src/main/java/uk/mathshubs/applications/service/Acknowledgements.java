package uk.mathshubs.applications.service;

import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.applications.allocation.Acknowledging;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.notifications.ApplicationNotifications;
import uk.mathshubs.kit.mail.MailOutbox;
import uk.mathshubs.kit.tracing.TraceContexts;

/**
 * What the intake leaves for just behind it: the "application received" mail to the school and each person's
 * confirmation link. A school waits on its answer, not on these, and in a rush they were most of an intake's rows; so
 * the intake only notes that they are due, in its own transaction (nothing is lost with a crash), and they are written
 * here a batch at a time, oldest first, on the allocator's passes once no application waits for a place (see
 * {@link Acknowledging}). Safe with any number of instances: each due row is taken by one transaction
 * ({@code SKIP LOCKED}) and gone when it commits.
 */
@ApplicationScoped
public class Acknowledgements implements Acknowledging {

    private final Confirmations confirmations;
    private final ApplicationNotifications notifications;
    private final MailOutbox mails;
    private final EntityManager entityManager;
    private final Tracer tracer;

    public Acknowledgements(Confirmations confirmations, ApplicationNotifications notifications, MailOutbox mails,
            EntityManager entityManager, Tracer tracer) {
        this.confirmations = confirmations;
        this.notifications = notifications;
        this.mails = mails;
        this.entityManager = entityManager;
        this.tracer = tracer;
    }

    /** The applications' acknowledgements are due: noted in the intake's transaction, one round trip. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void due(List<Application> applications) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledgement_due (application_id) VALUES (?)")) {
                for (Application application : applications) {
                    insert.setObject(1, application.id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    public int acknowledgeDue(int atMost) {
        return QuarkusTransaction.requiringNew().call(() -> acknowledge(taken("""
                DELETE FROM acknowledgement_due WHERE application_id IN (
                    SELECT application_id FROM acknowledgement_due ORDER BY application_id LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING application_id""", Map.of("batch", atMost))));
    }

    /** In the allocator's batch, just before it decides them, when the decisions are mailed at once. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledgeAnyDue(List<Application> applications) {
        Map<UUID, Application> byId = applications.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<UUID> due = taken("DELETE FROM acknowledgement_due WHERE application_id IN (:ids) RETURNING application_id",
                Map.of("ids", byId.keySet()));
        write(due.stream().map(byId::get).toList());
    }

    @SuppressWarnings("unchecked")
    private List<UUID> taken(String delete, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery(delete, UUID.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private int acknowledge(List<UUID> ids) {
        if (!ids.isEmpty()) {
            // Loaded in one query (their people in one more); one gone since (nothing cascades here) has nothing to send.
            write(Application.<Application>list("id in ?1", ids));
        }
        return ids.size();
    }

    private void write(List<Application> applications) {
        if (applications.isEmpty()) {
            return;
        }
        Map<UUID, WorkGroup> groups = WorkGroup.<WorkGroup>list("id in ?1", applications.stream().map(a -> a.workGroupId).distinct().toList())
                .stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
        List<Application> inArrivalOrder = applications.stream().sorted(Comparator.comparingLong(a -> a.arrival)).toList();
        // The batch's links in one write and its mails in one more, not a few statements for each application.
        Map<UUID, List<ApplicationNotifications.ConfirmationLink>> links = confirmations.request(inArrivalOrder);
        mails.together(() -> {
            for (Application application : inArrivalOrder) {
                // In the trace of the request that took it in, as its mails are.
                Span span = tracer.spanBuilder("acknowledge an application").setParent(TraceContexts.parent(application.traceparent))
                        .startSpan();
                try (Scope scope = span.makeCurrent()) {
                    notifications.received(application, groups.get(application.workGroupId), links.get(application.id));
                } finally {
                    span.end();
                }
            }
        });
    }
}

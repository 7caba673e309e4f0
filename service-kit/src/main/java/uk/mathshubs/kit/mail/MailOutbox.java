package uk.mathshubs.kit.mail;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.arc.properties.IfBuildProperty;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.tracing.TraceContexts;

/**
 * Writes emails into the {@code notification} table in the caller's transaction: the change that causes a mail and
 * the mail commit together or not at all. {@link NotificationRelay} sends them once committed; the request that
 * caused them never waits for the mail server. The service names its table's two columns of its own in a
 * {@link MailTable}.
 */
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class MailOutbox {

    private final EntityManager entityManager;
    private final MailTable table;
    private final Clock clock;
    private final Event<MailsWritten> written;

    public MailOutbox(EntityManager entityManager, MailTable table, Clock clock, Event<MailsWritten> written) {
        this.entityManager = entityManager;
        this.table = table;
        this.clock = clock;
        this.written = written;
    }

    /** Mails added on this thread inside {@link #together}, written when it returns. */
    private final ThreadLocal<List<Traced>> pending = new ThreadLocal<>();

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        // The sending continues the trace of what asked for the mail.
        List<Traced> traced = mails.stream().map(mail -> new Traced(mail, TraceContexts.current())).toList();
        List<Traced> batch = pending.get();
        if (batch != null) {
            batch.addAll(traced);
        } else {
            write(traced);
        }
    }

    /**
     * Runs {@code work}, which may add mails for many changes, and writes them all when it returns, each in the trace
     * it was added in: one round trip for a batch of changes, where each change's few mails went as a few statements of
     * their own (a JDBC batch of seven rows is sent as INSERTs of four, two and one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void together(Runnable work) {
        if (pending.get() != null) {
            work.run(); // already inside one: its mails go with the outer batch
            return;
        }
        List<Traced> batch = new ArrayList<>();
        pending.set(batch);
        try {
            work.run();
        } finally {
            pending.remove();
        }
        write(batch);
    }

    private void write(List<Traced> mails) {
        if (mails.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // One round trip for the lot, however many people a change mails.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO notification (id, kind, recipient, %s, %s, subject, body,
                        attachment_name, attachment_type, attachment_content, created_at, next_attempt_at, traceparent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(table.personColumn(), table.aboutColumn()))) {
                for (Traced traced : mails) {
                    OutgoingMail mail = traced.mail();
                    insert.setObject(1, TimeOrderedIds.next());
                    insert.setString(2, mail.kind());
                    insert.setString(3, mail.recipient());
                    insert.setObject(4, mail.personId(), Types.OTHER);
                    insert.setObject(5, mail.aboutId(), Types.OTHER);
                    insert.setString(6, mail.subject());
                    insert.setString(7, mail.body());
                    insert.setString(8, mail.attachment() == null ? null : mail.attachment().name());
                    insert.setString(9, mail.attachment() == null ? null : mail.attachment().contentType());
                    insert.setString(10, mail.attachment() == null ? null : mail.attachment().content());
                    insert.setTimestamp(11, now);
                    insert.setTimestamp(12, mail.dueAt() == null ? now : Timestamp.from(mail.dueAt()));
                    insert.setString(13, traced.traceparent());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new MailsWritten());
    }

    private record Traced(OutgoingMail mail, String traceparent) {
    }

    /**
     * Erasure: every mail to these addresses or about these people, sent or not, goes (what was sent, to whom and
     * when, included). Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(Collection<String> addresses, Collection<UUID> people) {
        List<String> lowerCase = addresses.stream().map(address -> address.toLowerCase(Locale.ROOT)).toList();
        return entityManager.createNativeQuery("""
                DELETE FROM notification WHERE lower(recipient) IN (:addresses) OR %s IN (:people)"""
                .formatted(table.personColumn()))
                .setParameter("addresses", lowerCase.isEmpty() ? List.of("") : lowerCase)
                .setParameter("people", people.isEmpty() ? List.of(new UUID(0, 0)) : people)
                .executeUpdate();
    }

    /** Fired inside the transaction; observed after it commits, to send at once rather than on the next tick. */
    public record MailsWritten() {
    }
}

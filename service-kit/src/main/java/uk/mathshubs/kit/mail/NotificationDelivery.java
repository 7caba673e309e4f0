package uk.mathshubs.kit.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import uk.mathshubs.kit.tracing.TraceContexts;
import uk.mathshubs.security.Redaction;

/**
 * Sends the mails that are due, a batch at a time: locks them (locked rows skipped, so several instances share the
 * work and never send one twice at once), sends each, and marks it sent or due again after a growing pause; after
 * {@code notifications.max-attempts} it is given up. Nothing here logs an address or a body.
 */
@ApplicationScoped
@IfBuildProperty(name = MailTable.ENABLED, stringValue = "true")
public class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);
    /** Longest wait for the mail server's answer to one mail. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final NotificationsConfig config;
    private final Clock clock;
    private final Tracer tracer;
    private final MockMails mockMails;

    public NotificationDelivery(EntityManager entityManager, ReactiveMailer mailer, NotificationsConfig config, Clock clock,
            Tracer tracer, MockMails mockMails) {
        this.tracer = tracer;
        this.mockMails = mockMails;
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Sends one batch of the mails due now, side by side (the mailer keeps a pool of connections), in one transaction:
     * the batch is locked while it is sent (other senders skip it) and marked in one statement. A sender that dies
     * mid-batch leaves it unlocked and unmarked, to be sent again. Returns how many it took.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sendDue() {
        List<Claimed> batch = claim();
        // Sent with the transaction suspended: the mailer's callbacks run on its own threads, which must not join this
        // transaction (its commit would find them still associated with it, and fail).
        List<CompletableFuture<Void>> sending = QuarkusTransaction.suspendingExisting().call(() -> batch.stream()
                .map(mail -> traced(mail, mailer.send(toMail(mail))).subscribeAsCompletionStage())
                .toList());
        // One deadline for the batch, not a timer per mail: a timer (Mutiny's ifNoItem) stays queued with the mail it
        // holds until it would fire, even once the mail is sent, and a relay catching up after a rush held thousands.
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Claimed mail = batch.get(i);
            try {
                sending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(mail.id());
            } catch (TimeoutException e) {
                sending.get(i).cancel(true);
                failed(mail, "no answer from the mail server within " + SEND_TIMEOUT.toSeconds() + " s");
            } catch (ExecutionException e) {
                failed(mail, Redaction.text(message(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending mails", e); // the batch is sent again
            }
        }
        mockMails.afterBatch();
        sent(sent);
        return batch.size();
    }

    /** A mail's sending as a client span in the trace that asked for it: its kind and attempt, never its address. */
    private Uni<Void> traced(Claimed mail, Uni<Void> sending) {
        Span span = tracer.spanBuilder("send mail " + mail.kind()).setSpanKind(SpanKind.CLIENT)
                .setParent(TraceContexts.parent(mail.traceparent()))
                .setAttribute("mail.kind", mail.kind())
                .setAttribute("mail.attempt", mail.attempt())
                .startSpan();
        return sending.onFailure().invoke(failure -> span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName()))
                .onTermination().invoke(span::end);
    }

    /** The mails due, locked until the transaction ends; locked ones (another sender's) are skipped. */
    private List<Claimed> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, kind, recipient, subject, body, attachment_name, attachment_type, attachment_content, attempts,
                    traceparent
                FROM notification
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED""")
                .setParameter("now", clock.instant())
                .setParameter("batch", config.batchSize())
                .getResultList();
        return rows.stream().map(row -> new Claimed((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (String) row[6], (String) row[7], ((Number) row[8]).intValue() + 1,
                (String) row[9])).toList();
    }

    /**
     * Sent, in one statement: what they said (names, links) is no longer kept; who was sent what, and when, is, for the
     * retention period.
     */
    private void sent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                UPDATE notification SET sent_at = :now, attempts = attempts + 1, body = NULL, attachment_content = NULL,
                    last_error = NULL
                WHERE id IN (:ids)""")
                .setParameter("now", clock.instant())
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private void failed(Claimed mail, String error) {
        Instant now = clock.instant();
        if (mail.attempt() >= config.maxAttempts()) {
            entityManager.createNativeQuery("""
                    UPDATE notification SET attempts = attempts + 1, failed_at = :now, last_error = :error WHERE id = :id""")
                    .setParameter("now", now).setParameter("error", error).setParameter("id", mail.id()).executeUpdate();
            LOG.errorf("Gave up on %s mail %s after %d attempts: %s", mail.kind(), mail.id(), mail.attempt(), error);
            return;
        }
        Duration pause = retryDelay(mail.attempt());
        entityManager.createNativeQuery("""
                UPDATE notification SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error WHERE id = :id""")
                .setParameter("next", now.plus(pause)).setParameter("error", error).setParameter("id", mail.id())
                .executeUpdate();
        LOG.warnf("Could not send %s mail %s (attempt %d), trying again in %s: %s", mail.kind(), mail.id(), mail.attempt(),
                pause, error);
    }

    /** Sent mails' records, and mails given up, are deleted once the retention period is over. */
    @Transactional
    public int deleteExpired() {
        return entityManager.createNativeQuery("DELETE FROM notification WHERE sent_at < :before OR failed_at < :before")
                .setParameter("before", clock.instant().minus(config.retention()))
                .executeUpdate();
    }

    /** 1 s, 2 s, 4 s, ... after the first, second, third failed attempt, up to the maximum. */
    public Duration retryDelay(int failedAttempts) {
        Duration delay = config.firstRetryDelay();
        for (int i = 1; i < failedAttempts && delay.compareTo(config.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }

    private static Mail toMail(Claimed mail) {
        Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.body());
        if (mail.attachmentName() != null) {
            message.addAttachment(mail.attachmentName(), mail.attachmentContent().getBytes(StandardCharsets.UTF_8),
                    mail.attachmentType());
        }
        return message;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    record Claimed(UUID id, String kind, String recipient, String subject, String body, String attachmentName,
            String attachmentType, String attachmentContent, int attempt, String traceparent) {
    }
}

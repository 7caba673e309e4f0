package uk.mathshubs.applications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Event;

import org.hibernate.StatelessSession;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.applications.allocation.Allocator;
import uk.mathshubs.applications.allocation.ArrivalOrder;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.kit.outbox.Outbox;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * The intake's writes, committed together. In a rush, schools' applications finish their checks one after another on
 * many request threads; each then waits here while a writer commits every application waiting in one transaction:
 * their places in the arrival order (in the order they came), the applications and their people, their events with
 * the audit entries, and their acknowledgements due, a statement or one round trip each, and one commit. A batch is
 * whatever waits when a writer is free, so one school alone is written at once, as before; under a rush the batches
 * grow by themselves, as PostgreSQL's group commit does one level down. No school is answered before the transaction
 * holding its application has committed.
 * <p>
 * A batch that fails is written again one application at a time, so that one school's conflict (a second submission
 * racing the first, refused by {@code one_application_per_school}) is that school's answer alone.
 */
@Singleton
public class IntakeWriter {

    private static final Logger LOG = Logger.getLogger(IntakeWriter.class);

    /** An application checked and ready to write, with its event; done once it is committed (or refused). */
    record Received(Application application, Outbox.Prepared event, CompletableFuture<Void> written) {

        Received(Application application, Outbox.Prepared event) {
            this(application, event, new CompletableFuture<>());
        }
    }

    private final ArrivalOrder arrivals;
    private final StatelessSession rows;
    private final Outbox outbox;
    private final Acknowledgements acknowledgements;
    private final Event<Allocator.Due> allocationDue;
    private final int batchSize;
    private final int writerCount;
    private final BlockingQueue<Received> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    public IntakeWriter(ArrivalOrder arrivals, StatelessSession rows, Outbox outbox, Acknowledgements acknowledgements,
            Event<Allocator.Due> allocationDue, ApplicationsConfig config) {
        this.arrivals = arrivals;
        this.rows = rows;
        this.outbox = outbox;
        this.acknowledgements = acknowledgements;
        this.allocationDue = allocationDue;
        this.batchSize = Math.max(1, config.intake().batchSize());
        this.writerCount = Math.max(1, config.intake().writers());
    }

    @PostConstruct
    void start() {
        for (int i = 1; i <= writerCount; i++) {
            writers.add(Thread.ofPlatform().name("intake-writer-" + i).daemon().start(this::write));
        }
    }

    /** Writes the application (with whichever others wait with it) and returns once it is committed. */
    void write(Received application) {
        waiting.add(application);
        // Once the writers are stopping, nothing would ever take it: the school hears so now.
        if (stopping && waiting.remove(application)) {
            throw unavailable();
        }
        try {
            application.written().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** A writer: takes whatever is waiting, up to a batch, and writes it; until the service stops. */
    private void write() {
        List<Received> batch = new ArrayList<>(batchSize);
        while (true) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                batch.forEach(each -> each.written().completeExceptionally(unavailable()));
                return;
            } catch (Throwable e) {
                // Whatever went wrong, no school waits for ever, and the writer goes on with the next batch.
                LOG.errorf(e, "Writing %d applications failed", batch.size());
                batch.forEach(each -> each.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Received> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(batch));
            batch.forEach(each -> each.written().complete(null));
        } catch (RuntimeException e) {
            if (stopping) {
                // Interrupted mid-write (waiting for a connection, say): rolled back, so not received.
                batch.forEach(each -> each.written().completeExceptionally(unavailable()));
                return;
            }
            if (batch.size() == 1) {
                batch.getFirst().written().completeExceptionally(e);
                return;
            }
            LOG.debugf(e, "A batch of %d applications failed; writing them one at a time", batch.size());
            batch.forEach(each -> write(List.of(each)));
        }
    }

    private void insert(List<Received> batch) {
        List<Application> applications = batch.stream().map(Received::application).toList();
        long[] arrival = arrivals.take(applications.stream().map(a -> a.workGroupId).toList());
        for (int i = 0; i < applications.size(); i++) {
            applications.get(i).arrival = arrival[i];
        }
        // Written as they are, in one batch per table: nothing in this transaction changes them again, so the
        // persistence context's bookkeeping (cascades, snapshots, the dirty check at commit) would be pure cost.
        rows.insertMultiple(applications);
        rows.insertMultiple(applications.stream().flatMap(a -> a.people.stream()).toList());
        outbox.write(batch.stream().map(Received::event).toList());
        // The school's mails and the confirmation links follow on the allocator's pass (Acknowledgements).
        acknowledgements.due(applications);
        allocationDue.fire(new Allocator.Due());
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "unavailable", "Service unavailable",
                "The service is stopping; the application was not received. Submit it again.", List.of());
    }

    /**
     * Stops the writers. Graceful shutdown ({@code quarkus.shutdown.timeout}) has let the requests in flight finish
     * before this, so in practice nothing waits here any more; whatever still does is answered 503, never left
     * hanging.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        writers.forEach(Thread::interrupt);
        List<Received> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(each -> each.written().completeExceptionally(unavailable()));
    }
}

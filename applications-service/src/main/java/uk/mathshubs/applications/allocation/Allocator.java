package uk.mathshubs.applications.allocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import uk.mathshubs.applications.config.ApplicationsConfig;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationDecision;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.applications.metrics.ApplicationMetrics;
import uk.mathshubs.kit.outbox.Outbox;
import uk.mathshubs.kit.relay.BatchDrainer;
import uk.mathshubs.kit.relay.Foreground;
import uk.mathshubs.kit.tracing.TraceContexts;

/**
 * Gives places to the applications received, behind the requests that took them: per Work Group, a batch at a time,
 * each batch one transaction (places, waiting-list positions, the decisions and their events together).
 * <ul>
 * <li>First come, first served: eligible schools in arrival order take the free places; the rest join the waiting
 * list in the same order.</li>
 * <li>Priority rules: nothing is placed while the group is open; once it closes, eligible schools in order of
 * priority, then of arrival.</li>
 * </ul>
 * Safe with any number of instances: a batch locks its Work Group's row, and an instance that finds it locked leaves
 * the group to the one holding it. A crash loses nothing: what was not committed is still received, and the next
 * pass (after each intake commits, and every {@code applications.allocator.poll-interval}) takes it up, with no gap
 * and no double.
 */
@ApplicationScoped
public class Allocator {

    private static final Logger LOG = Logger.getLogger(Allocator.class);
    /** Applications placed in one transaction. */
    static final int BATCH = 200;

    private final ArrivalOrder arrivals;
    private final Places places;
    private final ApplicationEvents events;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ApplicationMetrics metrics;
    private final Tracer tracer;
    private final BatchDrainer drainer;
    private final Acknowledging acknowledging;

    public Allocator(ArrivalOrder arrivals, Places places, ApplicationEvents events, Outbox outbox, EntityManager entityManager,
            Clock clock, ApplicationMetrics metrics, Tracer tracer, ApplicationsConfig config, Foreground foreground,
            Acknowledging acknowledging) {
        this.acknowledging = acknowledging;
        this.metrics = metrics;
        this.tracer = tracer;
        this.arrivals = arrivals;
        this.places = places;
        this.events = events;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
        this.drainer = new BatchDrainer("allocator", this::allocateDue, BATCH, config.allocator().linger(), foreground,
                config.allocator().yieldAtMost(), config.allocator().quietPeriod(),
                e -> LOG.warnf(e, "Allocation paused, retrying on the next tick"));
    }

    /**
     * Something for a pass: an application received (to acknowledge, and perhaps to place), a priority-rules group
     * closed. Fired inside the transaction.
     */
    public record Due() {
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        drainer.kick();
    }

    @Scheduled(every = "${applications.allocator.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainer.kick();
    }

    /**
     * One pass: the Work Groups with applications waiting to be placed, a batch each; once none is waiting, a batch of
     * the acknowledgements due ({@link Acknowledging}). Places first, as hub admins wait on them; a school hears no
     * decision before the confirmation date, and one that would hear it at once is acknowledged in its own batch,
     * first. Returns {@link #BATCH} when there may be more (the drainer then goes again), otherwise how many it did.
     */
    public int allocateDue() {
        int placed = 0;
        boolean more = false;
        for (UUID group : QuarkusTransaction.requiringNew().call(this::groupsWithWork)) {
            int batch = allocate(group, arrivals.horizon(group));
            placed += batch;
            more |= batch == BATCH;
        }
        if (more) {
            return BATCH;
        }
        int acknowledged = acknowledging.acknowledgeDue(BATCH);
        return acknowledged == BATCH ? BATCH : Math.min(placed + acknowledged, BATCH - 1);
    }

    /** Groups that place now: first come first served ones always, priority-rules ones once closed. */
    private List<UUID> groupsWithWork() {
        @SuppressWarnings("unchecked")
        List<UUID> groups = entityManager.createNativeQuery("""
                SELECT g.id FROM work_group g
                WHERE (g.allocation_policy = 'FIRST_COME_FIRST_SERVED' OR g.status IN ('CLOSED', 'RUNNING'))
                  AND EXISTS (SELECT 1 FROM application a
                              WHERE a.work_group_id = g.id AND a.status = 'SUBMITTED' AND a.eligibility_outcome = 'ELIGIBLE')""")
                .getResultList();
        return groups;
    }

    /** One batch of a group, up to {@code horizon} in the arrival order; 0 when another transaction holds the group. */
    int allocate(UUID groupId, long horizon) {
        Placed placed = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Places.Count> count = places.lockUnlessBusy(groupId);
            if (count.isEmpty()) {
                return Placed.NONE;
            }
            WorkGroup group = WorkGroup.findById(groupId);
            List<Application> batch = received(group, horizon);
            if (batch.isEmpty()) {
                return Placed.NONE;
            }
            int free = count.get().free();
            int waiting = count.get().waiting();
            Instant now = clock.instant();
            if (group.decisionsReleasedAt(now)) {
                // The decision is mailed at once: its "received" mail is written first.
                acknowledging.acknowledgeAnyDue(batch);
            }
            outbox.inOneBatch(() -> {
                int position = waiting;
                int left = free;
                for (Application application : batch) {
                    // In the trace of the request that took it in: its acceptance is part of the same story.
                    Span span = tracer.spanBuilder("allocate a place").setParent(TraceContexts.parent(application.traceparent))
                            .setAttribute("allocation.policy", group.allocationPolicy).startSpan();
                    try (Scope scope = span.makeCurrent()) {
                        if (left > 0) {
                            left--;
                            application.moveTo(ApplicationStatus.ACCEPTED, null, ApplicationDecision.PLATFORM, now);
                            events.accepted(application, group);
                        } else {
                            application.moveTo(ApplicationStatus.WAITLISTED, null, ApplicationDecision.PLATFORM, now);
                            application.waitingListPosition = ++position;
                            events.waitlisted(application, group);
                        }
                    } finally {
                        span.end();
                    }
                }
            });
            int taken = Math.min(free, batch.size());
            places.add(groupId, taken, batch.size() - taken);
            return new Placed(group.programmeCode, taken, batch.size() - taken);
        });
        if (placed.total() > 0) {
            metrics.allocated(placed.programme(), placed.accepted(), placed.waitlisted());
        }
        return placed.total();
    }

    /** What one committed batch gave: places and waiting-list places, in a programme. */
    private record Placed(String programme, int accepted, int waitlisted) {
        static final Placed NONE = new Placed(null, 0, 0);

        int total() {
            return accepted + waitlisted;
        }
    }

    /** The group's next batch: locked, in arrival order, or by priority then arrival for a priority-rules group. */
    private List<Application> received(WorkGroup group, long horizon) {
        Comparator<Application> order = group.isFirstComeFirstServed()
                ? Comparator.comparingLong(a -> a.arrival)
                : Comparator.<Application>comparingInt(a -> a.priority).thenComparingLong(a -> a.arrival);
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM application
                        WHERE work_group_id = :group AND status = 'SUBMITTED' AND eligibility_outcome = 'ELIGIBLE' AND arrival <= :horizon
                        ORDER BY %s LIMIT :batch FOR NO KEY UPDATE""".formatted(group.isFirstComeFirstServed() ? "arrival" : "priority, arrival"))
                .setParameter("group", group.id)
                .setParameter("horizon", horizon)
                .setParameter("batch", BATCH)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // Loaded in one query (their people in one more), then placed in order.
        return Application.<Application>list("id in ?1", ids).stream().sorted(order).toList();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        drainer.stop();
    }

    @PreDestroy
    void destroy() {
        drainer.destroy();
    }
}

package uk.mathshubs.kit.relay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One thread that works through a table in batches until a batch comes back short: started by {@link #kick()} after a
 * commit that wrote rows and by a timer; kicks that arrive during a pass cost one more pass, not one each. A pass
 * starts a moment ({@code linger}) after the kick that asks for it, so that under a rush the rows of many commits go
 * in one batch, not a batch each (Kafka's producer lingers the same way); and while requests are being served that it
 * should not compete with ({@link Foreground}), it waits for them, a bounded while. The event outbox, the mail outbox
 * and the allocator each drain through one.
 */
public final class BatchDrainer {

    private static final Duration RECHECK = Duration.ofMillis(10);

    private final IntSupplier batch;
    private final int fullBatch;
    private final Consumer<RuntimeException> paused;
    private final Duration linger;
    private final Foreground foreground;
    private final long yieldAtMostNanos;
    private final long quietNanos;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile long askedAt;

    /**
     * @param batch    does one batch and says how many rows it handled
     * @param fullBatch a batch this size means there may be more
     * @param linger   how long after a kick the pass starts
     * @param foreground the requests the pass makes way for
     * @param paused   told why a pass stopped early; the next kick or tick tries again
     */
    public BatchDrainer(String threadName, IntSupplier batch, int fullBatch, Duration linger, Foreground foreground,
            Consumer<RuntimeException> paused) {
        this(threadName, batch, fullBatch, linger, foreground, null, null, paused);
    }

    /**
     * For work people wait on sooner than on the relays (null: the foreground's bound).
     *
     * @param yieldAtMost  how long a pass makes way at most ({@code kit.relay.yield-at-most})
     * @param quietPeriod  how long after the last request the rush is over ({@code kit.relay.quiet-period})
     */
    public BatchDrainer(String threadName, IntSupplier batch, int fullBatch, Duration linger, Foreground foreground,
            Duration yieldAtMost, Duration quietPeriod, Consumer<RuntimeException> paused) {
        this.yieldAtMostNanos = yieldAtMost == null ? -1 : yieldAtMost.toNanos();
        this.quietNanos = quietPeriod == null ? -1 : quietPeriod.toNanos();
        this.batch = batch;
        this.fullBatch = fullBatch;
        this.linger = linger;
        this.foreground = foreground;
        this.paused = paused;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, threadName));
    }

    public void kick() {
        if (stopping) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        askedAt = System.nanoTime();
        later(linger);
    }

    private void later(Duration delay) {
        try {
            worker.schedule(this::drain, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() came first: what is left goes after the restart
        }
    }

    private void drain() {
        if (!stopping && foreground.holds(askedAt, yieldAtMostNanos, quietNanos)) {
            // Still the pass asked for (kicks meanwhile only mark it pending): it looks again a moment later.
            later(linger.compareTo(RECHECK) > 0 ? linger : RECHECK);
            return;
        }
        try {
            // One pass: what is there now. Rows committed meanwhile kick it again, and that pass lingers and makes way
            // like this one did; draining on while kicks kept coming ran the relays through the rest of a rush.
            pending.set(false);
            while (!stopping && batch.getAsInt() == fullBatch) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            paused.accept(e);
        } finally {
            running.set(false);
        }
        if (pending.get() && !stopping && running.compareAndSet(false, true)) {
            schedule();
        }
    }

    /** Lets a running pass finish before the datasource closes; whatever is left goes after the restart. */
    public void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void destroy() {
        worker.shutdownNow();
    }
}

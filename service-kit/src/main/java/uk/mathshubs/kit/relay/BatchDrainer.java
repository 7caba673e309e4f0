package uk.mathshubs.kit.relay;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One thread that works through a table in batches until a batch comes back short: started by {@link #kick()} after a
 * commit that wrote rows and by a timer; kicks that arrive during a pass cost one more pass, not one each. The event
 * outbox and the mail outbox each drain through one.
 */
public final class BatchDrainer {

    private final IntSupplier batch;
    private final int fullBatch;
    private final Consumer<RuntimeException> paused;
    private final ExecutorService worker;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    /**
     * @param batch    does one batch and says how many rows it handled
     * @param fullBatch a batch this size means there may be more
     * @param paused   told why a pass stopped early; the next kick or tick tries again
     */
    public BatchDrainer(String threadName, IntSupplier batch, int fullBatch, Consumer<RuntimeException> paused) {
        this.batch = batch;
        this.fullBatch = fullBatch;
        this.paused = paused;
        this.worker = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
    }

    public void kick() {
        if (stopping) {
            return;
        }
        pending.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false) && !stopping) {
                while (!stopping && batch.getAsInt() == fullBatch) {
                    // a full batch: there may be more
                }
            }
        } catch (RuntimeException e) {
            paused.accept(e);
        } finally {
            running.set(false);
        }
        if (pending.get() && !stopping && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
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

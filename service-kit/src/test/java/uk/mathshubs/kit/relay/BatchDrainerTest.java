package uk.mathshubs.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchDrainerTest {

    private final AtomicInteger waiting = new AtomicInteger();
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private BatchDrainer drainer;

    /** Takes up to 10 of the rows waiting, as one batch. */
    private int batch() {
        int taken = Math.min(10, waiting.getAndUpdate(n -> Math.max(0, n - 10)));
        if (taken > 0) {
            batches.add(taken);
        }
        return taken;
    }

    @AfterEach
    void stop() throws InterruptedException {
        drainer.stop();
    }

    @Test
    void aKickDrainsEverythingWaitingInFullBatchesAndAShortOne() {
        drainer = new BatchDrainer("test", this::batch, 10, Duration.ofMillis(5), Foreground.none(), e -> { });
        waiting.set(25);
        drainer.kick();

        await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get() == 0);
        assertThat(batches).containsExactly(10, 10, 5);
    }

    @Test
    void whileRequestsAreServedThePassWaitsAndThenTakesWhatAccumulatedInFewerBatches() throws Exception {
        Foreground foreground = new Foreground(Duration.ofSeconds(10), Duration.ZERO);
        drainer = new BatchDrainer("test", this::batch, 10, Duration.ofMillis(5), foreground, e -> { });
        CountDownLatch serving = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread request = new Thread(() -> foreground.serve(() -> {
            serving.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> done.getCount() == 0);
            return null;
        }));
        request.start();
        assertThat(serving.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 5; i++) {
            waiting.incrementAndGet();
            drainer.kick();
        }
        // A moment well past the linger: nothing taken while the request is being served.
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertThat(batches).isEmpty();

        done.countDown();
        request.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get() == 0);
        assertThat(batches).containsExactly(5);
    }

    @Test
    void aPassWaitsForRequestsAtMostTheBoundItIsGiven() {
        Foreground foreground = new Foreground(Duration.ofMillis(100), Duration.ZERO);
        drainer = new BatchDrainer("test", this::batch, 10, Duration.ofMillis(5), foreground, e -> { });
        long kicked = System.nanoTime();
        long drained = foreground.serve(() -> {
            waiting.set(3);
            drainer.kick();
            // Requests keep coming for longer than the bound: the pass goes anyway, once the bound is over.
            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get() == 0);
            return System.nanoTime();
        });
        assertThat(batches).containsExactly(3);
        assertThat(Duration.ofNanos(drained - kicked)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void rowsCommittedDuringAPassWaitForTheNextOneWhichMakesWayAgain() {
        Foreground foreground = new Foreground(Duration.ofMillis(100), Duration.ZERO);
        // A batch takes a while, as a relay's does (Kafka's answer, the commit), so kicks arrive during every pass.
        IntSupplier slowBatch = () -> {
            LockSupport.parkNanos(Duration.ofMillis(8).toNanos());
            return batch();
        };
        drainer = new BatchDrainer("test", slowBatch, 10, Duration.ofMillis(5), foreground, e -> { });
        // A rush: a row and a kick every few milliseconds for a second, all of it while requests are being served.
        foreground.serve(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                waiting.incrementAndGet();
                drainer.kick();
                await().pollDelay(Duration.ofMillis(4)).atMost(Duration.ofSeconds(1)).until(() -> true);
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get() == 0);
        // A pass every 100 ms or so, each taking what accumulated (full batches of 10): not a batch per kick, as when a
        // pass drained on while kicks kept coming.
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(100);
        assertThat(batches.stream().filter(n -> n == 10).count()).isGreaterThan(batches.size() / 2);
    }
}

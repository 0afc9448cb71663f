package im.universal.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.push.control.PushDispatcher;
import im.universal.push.entity.Notification;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery written to a socket is awaiting its record from the moment it is queued until its transaction has
 * ended, so that a backlog read meanwhile does not write it again (rule 3 of docs/protocol.md).
 */
class DeliveryRecorderTest {
    private static final String BOB = "bob@alpha.test";

    private final DeliveryRecorder recorder = new DeliveryRecorder();
    private final CountDownLatch storing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> stored = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        release.countDown();
        recorder.stop();
    }

    @Test
    void aQueuedDeliveryAwaitsItsRecordUntilItIsStored() throws Exception {
        start(false);
        recorder.record(List.of(new Delivery(BOB, "m-1")));
        assertTrue(storing.await(5, TimeUnit.SECONDS));
        recorder.record(List.of(new Delivery(BOB, "m-2"))); // queued behind the batch being stored

        assertTrue(recorder.awaitingRecord("m-1"));
        assertTrue(recorder.awaitingRecord("m-2"));
        assertFalse(recorder.awaitingRecord("m-3"));

        release.countDown();
        recorder.flush();

        assertEquals(List.of("m-1", "m-2"), stored);
        assertFalse(recorder.awaitingRecord("m-1"));
        assertFalse(recorder.awaitingRecord("m-2"));
    }

    @Test
    void aDeliveryWhoseRecordFailedNoLongerAwaitsIt() throws Exception {
        start(true);
        recorder.record(List.of(new Delivery(BOB, "m-1")));
        assertTrue(storing.await(5, TimeUnit.SECONDS));
        assertTrue(recorder.awaitingRecord("m-1"));

        release.countDown();
        recorder.flush();

        // still pending in the database: the next connection's backlog writes it again (at least once)
        assertFalse(recorder.awaitingRecord("m-1"));
        assertEquals(List.of(), stored);
    }

    private void start(boolean failing) {
        recorder.messages = new MessageService() {
            @Override
            public List<Notification> markDelivered(List<Delivery> deliveries) {
                storing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (failing) {
                    throw new IllegalStateException("database away");
                }
                deliveries.forEach(d -> stored.add(d.serverId()));
                return List.of();
            }
        };
        recorder.pushes = new PushDispatcher();
        recorder.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return new Thread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        recorder.start();
    }
}

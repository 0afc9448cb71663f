package im.universal.message.boundary;

import im.universal.push.control.PushDispatcher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit of deliveries: message frames written to their recipients' sockets are recorded as delivered by
 * one thread, what has queued up from every connection in one transaction ({@link MessageService#markDelivered(
 * List)}), instead of one transaction per connection and write. A delivery not yet recorded when the process
 * dies is delivered again at the next connection, as before (at least once on a crash, never lost); a connection
 * that starts calls {@link #flush} first, so what an earlier connection of the same user was shown is not shown
 * again from the backlog, and skips what is still {@linkplain #awaitingRecord awaiting its record} if the flush
 * gave up (the recorder more than {@link #FLUSH_TIMEOUT_MILLIS} behind: rule 3 of docs/protocol.md holds then too).
 * A CDI bean, not an EJB: {@link #record} runs for every frame written, as a plain call.
 */
@ApplicationScoped
public class DeliveryRecorder {
    static final int MAX_BATCH = 1_000;
    static final int QUEUE_CAPACITY = 100_000;
    static final long FLUSH_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class.getName());

    @Resource
    ManagedThreadFactory threads;

    /**
     * By {@code @EJB}, not {@code @Inject}: the container's own reference, without Weld's proxy in front of it,
     * which makes Payara create and catch an exception on every call (docs/benchmarks.md, finding 10).
     */
    @EJB
    MessageService messages;

    @Inject
    PushDispatcher pushes;

    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    /** Server ids written to a socket whose delivery is queued or being stored (at most the queue's capacity). */
    private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();

    private final Object progress = new Object();
    private long enqueued;
    private long recorded;
    private volatile boolean running = true;
    private Thread worker;

    private record Queued(Delivery delivery, long sequence) {}

    @PostConstruct
    void start() {
        worker = threads.newThread(this::run);
        worker.setName("uim-delivery-recorder");
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }

    /** Queues deliveries to be recorded; returns at once (records them in the caller's thread if the queue is full). */
    public void record(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            boolean queued;
            unrecorded.add(delivery.serverId());
            synchronized (progress) {
                queued = running && queue.offer(new Queued(delivery, enqueued + 1));
                if (queued) {
                    enqueued++;
                }
            }
            if (!queued) {
                try {
                    recordNow(List.of(delivery));
                } finally {
                    unrecorded.remove(delivery.serverId());
                }
            }
        }
    }

    /**
     * Whether message {@code serverId} was written to a socket of its recipient and its delivery is queued or being
     * stored: still pending in the database, but not to be written again from a backlog.
     */
    public boolean awaitingRecord(String serverId) {
        return unrecorded.contains(serverId);
    }

    /** Records deliveries now, in the caller's thread and one transaction (e.g. an offline backlog page). */
    public void recordNow(List<Delivery> deliveries) {
        messages.markDelivered(deliveries).forEach(pushes::dispatch);
    }

    /** Waits (a few seconds at most) until every delivery queued before this call is recorded. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_TIMEOUT_MILLIS);
        synchronized (progress) {
            long target = enqueued;
            while (recorded < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    LOG.warning(
                            "Deliveries are being recorded slowly; a starting connection skips those not recorded yet");
                    return;
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<Delivery> deliveries = batch.stream().map(Queued::delivery).toList();
                store(deliveries);
                // recorded (or, if the store failed, pending again for the next connection)
                deliveries.forEach(d -> unrecorded.remove(d.serverId()));
                synchronized (progress) {
                    recorded = Math.max(recorded, batch.get(batch.size() - 1).sequence());
                    progress.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Delivery> deliveries) {
        try {
            recordNow(deliveries);
        } catch (RuntimeException e) {
            // not recorded: the messages stay pending and are delivered again at the recipient's next connection
            LOG.log(Level.WARNING, "Could not record " + deliveries.size() + " deliveries", e);
        }
    }
}

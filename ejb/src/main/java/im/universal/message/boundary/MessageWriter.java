package im.universal.message.boundary;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import im.universal.push.boundary.ClientConnection;
import im.universal.push.control.PushDispatcher;
import im.universal.push.entity.AckPush;
import im.universal.push.entity.ErrorPush;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of sent messages. Connections hand their {@code message} frames to a writer; each writer stores
 * what has queued up meanwhile (up to {@link #MAX_BATCH}) in one transaction ({@link MessageService#sendAll}),
 * then queues the acks on the senders' connections and only then pushes the messages to their local recipients,
 * so a sender always sees the ack of a message before its delivery status. A sender's messages always go to the
 * same writer (chosen by address), so they are stored in the order they were sent. Under light load a batch is
 * one message and nothing waits; under heavy load one commit serves hundreds (docs/benchmarks.md).
 *
 * <p>Nothing is lost: a batch whose transaction fails is retried one message at a time, so one bad message costs
 * only its own error; a message the server cannot take (queue full, shutting down) gets {@code unavailable} and
 * the client resends it with the same id (docs/protocol.md), which the server never stores twice.
 *
 * <p>A CDI bean, not an EJB: handing a frame over is a plain method call, without an EJB invocation and a
 * transaction of its own; the transactions are {@link MessageService}'s.
 */
@ApplicationScoped
public class MessageWriter {
    static final int MAX_BATCH = 256;
    static final int QUEUE_CAPACITY = 20_000;
    static final long OFFER_TIMEOUT_MILLIS = 2_000;
    private static final Logger LOG = Logger.getLogger(MessageWriter.class.getName());

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

    /** Writer threads, each with its own queue and its own share of the senders. */
    @Inject
    @ConfigProperty(name = "uim.messages.writers", defaultValue = "2")
    int writerCount;

    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean running = true;

    /** A message frame waiting to be stored, and the connection to answer. */
    private record Pending(SendRequest request, ClientConnection from) {}

    private final class Lane implements Runnable {
        final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        Thread thread;

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (running || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    refuseAll(queue);
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Message writer failed on a batch", e);
                } finally {
                    batch.clear();
                }
            }
        }
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < Math.max(1, writerCount); i++) {
            Lane lane = new Lane();
            lane.thread = threads.newThread(lane);
            lane.thread.setName("uim-message-writer-" + i);
            lane.thread.start();
            lanes.add(lane);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Lane lane : lanes) {
            try {
                lane.thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lane.thread.interrupt();
            refuseAll(lane.queue);
        }
    }

    /**
     * Queues a message frame of {@code from}; its ack or error is pushed to {@code from} once decided. Waits
     * briefly when the writer is saturated (back-pressure on the sending socket), then refuses with
     * {@code unavailable}.
     */
    public void submit(SendRequest request, ClientConnection from) {
        Pending pending = new Pending(request, from);
        Lane lane = lanes.get(Math.floorMod(request.caller().address().hashCode(), lanes.size()));
        boolean queued = false;
        try {
            queued = running && lane.queue.offer(pending, OFFER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queued) {
            refuse(pending, new UimException(ErrorCode.UNAVAILABLE, "Server busy; resend the message"));
        }
    }

    private void write(List<Pending> batch) {
        SendBatch stored;
        try {
            stored = messages.sendAll(batch.stream().map(Pending::request).toList());
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                LOG.log(Level.WARNING, "A batch of " + batch.size() + " messages failed; storing them one by one", e);
                batch.forEach(p -> write(List.of(p)));
            } else {
                LOG.log(Level.SEVERE, "Storing a message failed", e);
                refuse(batch.get(0), new UimException(ErrorCode.INTERNAL_ERROR, "Internal server error"));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            answer(batch.get(i), stored.results().get(i));
        }
        stored.pushes().forEach(pushes::dispatch);
    }

    private static void answer(Pending pending, SendResult result) {
        if (result.isAccepted()) {
            MessageAck ack = result.ack();
            String to = pending.from().caller().address().toString();
            pending.from().push(new AckPush(to, ack.clientId(), ack.serverId(), ack.status(), ack.duplicate()));
        } else {
            refuse(pending, result.refusal());
        }
    }

    private static void refuse(Pending pending, UimException refusal) {
        String to = pending.from().caller().address().toString();
        String ref = pending.request().clientId();
        pending.from().push(new ErrorPush(to, refusal.code().code(), refusal.getMessage(), ref));
    }

    private static void refuseAll(BlockingQueue<Pending> queue) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> refuse(p, new UimException(ErrorCode.UNAVAILABLE, "Server stopping; resend the message")));
    }
}

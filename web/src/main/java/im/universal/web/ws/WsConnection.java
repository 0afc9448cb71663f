package im.universal.web.ws;

import im.universal.platform.Ids;
import im.universal.push.boundary.ClientConnection;
import im.universal.push.entity.MessagePush;
import im.universal.push.entity.Notification;
import im.universal.session.control.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One authenticated WebSocket. Pushes queue up and are written in order by one drain task at a time on the
 * managed executor, so the thread that committed a change never waits on a recipient's network. While the
 * offline backlog is being written the queue is held, and messages already written from the backlog are skipped.
 * A client too slow to keep its queue bounded is disconnected rather than buffered without end.
 */
final class WsConnection implements ClientConnection {
    static final int MAX_QUEUED = 10_000;
    /** At most this many frames are written per drain before the thread moves on to other connections. */
    static final int DRAIN_LIMIT = 100;

    private static final Logger LOG = Logger.getLogger(WsConnection.class.getName());

    private final String id = Ids.newId();
    private final Session session;
    private final Caller caller;
    private final Executor executor;
    private final Consumer<MessagePush> delivered;
    private final Queue<Notification> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<String> writtenFromBacklog = ConcurrentHashMap.newKeySet();
    private volatile boolean held = true;
    private volatile boolean closed;
    private volatile long lastHeard = System.nanoTime();

    /**
     * {@code delivered} is told of each live message frame written to this socket, right after the write (it must
     * not block: the recording is batched elsewhere); the backlog is recorded by the code that writes it.
     */
    WsConnection(Session session, Caller caller, Executor executor, Consumer<MessagePush> delivered) {
        this.session = session;
        this.caller = caller;
        this.executor = executor;
        this.delivered = delivered;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public void push(Notification notification) {
        if (closed) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            LOG.warning(() -> "Closing a connection of " + caller.address() + ": outgoing queue full");
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow");
            return;
        }
        queue.add(notification);
        schedule();
    }

    /** Writes a backlog message directly (while the queue is held); the caller records the delivery. */
    boolean writeBacklog(MessagePush message) {
        if (send(Frames.encode(message))) {
            writtenFromBacklog.add(message.serverId());
            return true;
        }
        return false;
    }

    boolean wasWrittenFromBacklog(String serverId) {
        return writtenFromBacklog.contains(serverId);
    }

    /** Ends the backlog phase: queued live pushes flow from now on. */
    void release() {
        held = false;
        schedule();
    }

    private void schedule() {
        if (!held && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Notification next;
            int frames = 0;
            while (!held && frames++ < DRAIN_LIMIT && (next = queue.poll()) != null) {
                queued.decrementAndGet();
                if (next instanceof MessagePush m && writtenFromBacklog.remove(m.serverId())) {
                    continue;
                }
                // handed on right after the write: a connection that starts meanwhile (DeliveryRecorder.flush)
                // then knows it was delivered and does not show it again from the backlog
                if (send(Frames.encode(next)) && next instanceof MessagePush m) {
                    delivered.accept(m);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push to " + caller.address() + " failed", e);
        } finally {
            draining.set(false);
        }
        schedule();
    }

    /** Writes one frame; false when the socket is gone. Writes are serialised per socket. */
    boolean send(String frame) {
        if (closed || !session.isOpen()) {
            return false;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(frame);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Write to " + caller.address() + " failed", e);
            return false;
        }
    }

    void heard() {
        lastHeard = System.nanoTime();
    }

    long silentNanos() {
        return System.nanoTime() - lastHeard;
    }

    Session session() {
        return session;
    }

    @Override
    public void close(String reason) {
        close(CloseReason.CloseCodes.NORMAL_CLOSURE, reason);
    }

    @Override
    public void close(int code, String reason) {
        close(CloseReason.CloseCodes.getCloseCode(code), reason);
    }

    void close(CloseReason.CloseCode code, String reason) {
        closed = true;
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close failed", e);
        }
    }

    boolean isClosed() {
        return closed;
    }
}

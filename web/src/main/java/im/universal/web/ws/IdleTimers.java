package im.universal.web.ws;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The timers of the WebSocket endpoint (auth deadlines, heartbeat) and the scheduler of Tyrus' per-session idle timer. Tyrus re-arms a session's idle timer on every frame read and
 * written, by scheduling a task on Payara's managed scheduled executor, and Payara captures each task's context with
 * a ServiceLoader scan of the thread's context class loader: a walk over every jar of the application and of the
 * server's modules, per frame (docs/benchmarks.md). This scheduler replaces it in each session ({@link #install}).
 * No idle timeout is set here (the heartbeat of {@link WsSupport} closes dead sockets), so Tyrus schedules its check
 * with a delay of zero, and a check that is due runs at once in the caller's thread, where it finds nothing to do;
 * a real timeout, if one is ever set, is scheduled on this executor's own (managed) thread as usual.
 *
 * <p>A session takes its scheduler from the container when it is built, and arms its idle timer right there, before
 * any endpoint code runs: so the first install also gives the container this scheduler, and every session built
 * after that starts with it (no context capture per connection either).
 */
final class IdleTimers extends ScheduledThreadPoolExecutor {
    private static final Logger LOG = Logger.getLogger(IdleTimers.class.getName());
    private static final String FIELD = "service";
    private static final String CONTAINER_FIELD = "managedScheduledExecutorService";

    /** The scheduler field of a session class, looked up once (every session is of the same class). */
    private record SessionField(Class<?> sessionType, Field field) {}

    private volatile SessionField known;

    /** The container that now gives its sessions this scheduler, once it does. */
    private volatile Object installedIn;

    /** The container tried last, installed or not: a container that refused is not tried on every connection. */
    private volatile Object triedIn;

    IdleTimers(ThreadFactory threads) {
        super(1, threads);
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay > 0) {
            return super.schedule(command, delay, unit);
        }
        command.run();
        return Done.INSTANCE;
    }

    /**
     * Makes the session's idle timer use this scheduler, and its container's for the sessions to come; false (and a
     * log line) where Tyrus is not as expected.
     */
    boolean install(Session session) {
        Object container = session.getContainer();
        if (container != null && container == installedIn) {
            return true;
        }
        try {
            SessionField found = known;
            if (found == null || found.sessionType() != session.getClass()) {
                found = new SessionField(session.getClass(), field(session.getClass(), FIELD));
                known = found;
            }
            found.field().set(session, this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "Tyrus idle timer left as it is: " + e);
            return false;
        }
        if (container != triedIn) {
            installIn(container);
        }
        return true;
    }

    /** The container's own scheduler field (final, set once from JNDI); each session is still fixed if this fails. */
    private synchronized void installIn(Object container) {
        if (container == null || container == triedIn) {
            return;
        }
        triedIn = container;
        try {
            field(container.getClass(), CONTAINER_FIELD).set(container, this);
            installedIn = container;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "The WebSocket container keeps its scheduler; each session is given this one: " + e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // the superclass, then
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** A task that already ran. */
    private static final class Done implements ScheduledFuture<Object> {
        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}

package im.universal.web.ws;

import im.universal.platform.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Executors and timers of the WebSocket endpoint: the auth deadline, and the heartbeat that pings quiet
 * connections well below common 60 s proxy idle timeouts and closes those that stop answering.
 */
@ApplicationScoped
public class WsSupport {
    static final long AUTH_DEADLINE_SECONDS = 10;
    static final long PING_AFTER_SECONDS = 25;
    static final long DEAD_AFTER_SECONDS = 70;

    /** Threads for the push drains: the application's context is set up once per thread, not once per task. */
    static final int PUSH_THREADS = 8;

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource
    ContextService contextService;

    /** Frames a connection may send per second sustained (bursts of twice as many). */
    @Inject
    @ConfigProperty(name = "uim.ws.frames-per-second", defaultValue = "20")
    int framesPerSecond;

    private RateLimiter frames;
    private ExecutorService pushes;
    private IdleTimers timers;

    private static final Logger LOG = Logger.getLogger(WsSupport.class.getName());

    private final Set<WsConnection> live = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean idleTimerWarned = new AtomicBoolean();
    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        frames = new RateLimiter(2 * framesPerSecond, TimeUnit.SECONDS.toNanos(2));
        // a ManagedExecutorService captures and restores the context for every task (a ServiceLoader scan each
        // time in Payara 6); a pool of threads carries it once per thread, and they write with Grizzly's buffers
        pushes = Executors.newFixedThreadPool(PUSH_THREADS, new PushThreads(threadFactory, contextService));
        // for the same reason the timers (an auth deadline per socket, the heartbeat, Tyrus' idle timers) run on
        // one managed thread of their own
        timers = new IdleTimers(threadFactory);
        heartbeat = timers.scheduleWithFixedDelay(this::beat, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (pushes != null) {
            pushes.shutdown();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    Executor executor() {
        return pushes;
    }

    /** Gives the session's idle timer a scheduler without a context capture per frame ({@link IdleTimers}). */
    void installIdleTimer(Session session) {
        if (!timers.install(session) && idleTimerWarned.compareAndSet(false, true)) {
            LOG.warning("Tyrus' idle timer could not be given its own scheduler; every frame costs a context capture");
        }
    }

    /** Runs {@code onExpiry} (which closes the socket unless it has authenticated) after the auth deadline. */
    Future<?> authDeadline(Runnable onExpiry) {
        return timers.schedule(onExpiry, AUTH_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /** Takes one frame from the connection's budget; false when it floods. */
    boolean allowFrame(WsConnection connection) {
        return frames.tryAcquire(connection.id());
    }

    void track(WsConnection connection) {
        live.add(connection);
    }

    void untrack(WsConnection connection) {
        live.remove(connection);
    }

    private void beat() {
        frames.prune();
        for (WsConnection connection : live) {
            long silent = TimeUnit.NANOSECONDS.toSeconds(connection.silentNanos());
            if (connection.isClosed()) {
                live.remove(connection);
            } else if (silent >= DEAD_AFTER_SECONDS) {
                connection.close(CloseReason.CloseCodes.GOING_AWAY, "no answer to pings");
            } else if (silent >= PING_AFTER_SECONDS) {
                ping(connection.session());
            }
        }
    }

    private static void ping(Session session) {
        try {
            synchronized (session) {
                session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
            }
        } catch (IOException | IllegalStateException e) {
            // the close handler cleans up
        }
    }
}

package im.universal.web.ws;

import jakarta.enterprise.concurrent.ContextService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.glassfish.grizzly.attributes.AttributeBuilder;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.memory.ThreadLocalPool;
import org.glassfish.grizzly.memory.ThreadLocalPoolProvider;
import org.glassfish.grizzly.threadpool.DefaultWorkerThread;

/**
 * The threads of the push drains. Every frame Tyrus writes passes through Grizzly's HTTP output buffer, which takes
 * an 8 KiB buffer from the writing thread's memory pool; only Grizzly's worker threads have one, and on any other
 * thread it allocates a new array per frame: about 25 KB of garbage per message delivered locally (ack, message and
 * receipt frames), a fifth of all allocation under load (docs/benchmarks.md, finding 23). So these threads are
 * Grizzly worker threads, each with its own pool, running with the application's context (captured once per
 * thread by the {@link ContextService}, as a managed thread does). Where Grizzly is not the one Payara 6 ships, the
 * managed thread factory makes them, as before.
 */
final class PushThreads implements ThreadFactory {
    private static final Logger LOG = Logger.getLogger(PushThreads.class.getName());

    private final ThreadFactory managed;
    private final ContextService context;
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean grizzly = true;

    PushThreads(ThreadFactory managed, ContextService context) {
        this.managed = managed;
        this.context = context;
    }

    @Override
    public Thread newThread(Runnable task) {
        if (grizzly) {
            try {
                Runnable contextual = context.createContextualProxy(task, Runnable.class);
                return GrizzlyWorker.create("uim-push-" + created.incrementAndGet(), contextual);
            } catch (LinkageError | RuntimeException e) {
                LOG.warning(
                        () -> "Push threads are managed threads (no Grizzly worker thread could be made: " + e + ")");
            }
            grizzly = false;
        }
        return managed.newThread(task);
    }

    /** Kept apart so that the Grizzly classes are loaded only here, where a failure is caught. */
    private static final class GrizzlyWorker {
        static Thread create(String name, Runnable task) {
            if (!(MemoryManager.DEFAULT_MEMORY_MANAGER instanceof ThreadLocalPoolProvider pools)) {
                throw new IllegalStateException("Grizzly's memory manager has no thread pools");
            }
            ThreadLocalPool<?> pool = pools.createThreadLocalPool();
            Thread thread = new DefaultWorkerThread(AttributeBuilder.DEFAULT_ATTRIBUTE_BUILDER, name, pool, task);
            thread.setDaemon(true);
            return thread;
        }
    }
}

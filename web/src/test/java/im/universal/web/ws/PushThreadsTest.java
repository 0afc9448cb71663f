package im.universal.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ContextService;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.glassfish.grizzly.threadpool.DefaultWorkerThread;
import org.junit.jupiter.api.Test;

class PushThreadsTest {
    private final AtomicInteger managedThreads = new AtomicInteger();
    private final ThreadFactory managed = task -> {
        managedThreads.incrementAndGet();
        return new Thread(task, "managed");
    };

    @Test
    void pushThreadsAreGrizzlyWorkersWithAHeapPoolRunningTheTaskInTheCapturedContext() throws Exception {
        AtomicInteger contextualRuns = new AtomicInteger();
        PushThreads threads = new PushThreads(managed, context(contextualRuns));
        CountDownLatch ran = new CountDownLatch(1);
        AtomicInteger reused = new AtomicInteger();

        Thread thread = threads.newThread(() -> {
            // what Grizzly's output buffer does for each frame: a buffer from the thread's pool, not a new array
            HeapMemoryManager memory = new HeapMemoryManager();
            Buffer first = memory.allocate(8192);
            byte[] array = first.array();
            first.dispose();
            Buffer second = memory.allocate(8192);
            if (second.array() == array) {
                reused.incrementAndGet();
            }
            ran.countDown();
        });
        thread.start();

        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertInstanceOf(DefaultWorkerThread.class, thread);
        assertTrue(thread.isDaemon());
        assertTrue(thread.getName().startsWith("uim-push-"));
        assertEquals(1, contextualRuns.get());
        assertEquals(1, reused.get(), "the second frame's buffer comes from the same pooled array");
        assertEquals(0, managedThreads.get());
    }

    @Test
    void onAPlainThreadEveryBufferIsANewArray() throws Exception {
        // the cost PushThreads avoids: the same allocation on a thread that is not a Grizzly worker
        AtomicInteger reused = new AtomicInteger();
        Thread plain = new Thread(() -> {
            HeapMemoryManager memory = new HeapMemoryManager();
            Buffer first = memory.allocate(8192);
            byte[] array = first.array();
            first.dispose();
            if (memory.allocate(8192).array() == array) {
                reused.incrementAndGet();
            }
        });
        plain.start();
        plain.join(10_000);
        assertEquals(0, reused.get());
    }

    @Test
    void withoutAUsableContextServiceTheManagedFactoryMakesThemFromThenOn() {
        ContextService broken = (ContextService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContextService.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("no context here");
                });
        PushThreads threads = new PushThreads(managed, broken);

        Thread first = threads.newThread(() -> {});
        Thread second = threads.newThread(() -> {});

        assertEquals("managed", first.getName());
        assertEquals("managed", second.getName());
        assertEquals(2, managedThreads.get());
    }

    /** A context service whose contextual proxies count their runs. */
    private ContextService context(AtomicInteger runs) {
        return (ContextService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContextService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createContextualProxy") && args.length == 2) {
                        Runnable task = (Runnable) args[0];
                        assertSame(Runnable.class, args[1]);
                        Runnable contextual = () -> {
                            runs.incrementAndGet();
                            task.run();
                        };
                        return contextual;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

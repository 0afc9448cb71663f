package im.universal.web.ws;

import java.io.IOException;

/**
 * Runs a socket write with the platform class loader as the thread's context class loader. Tyrus re-arms the
 * session's idle timer on every frame written by scheduling a task on Payara's managed scheduled executor, and
 * Payara captures the task's context with a ServiceLoader scan of the context class loader: with the
 * application's loader that is a synchronized walk over every jar of the WAR and the resource adapter, and under
 * load it was where the WebSocket threads spent their time blocked (docs/benchmarks.md). The timer does nothing
 * here (no idle timeout is set; WsSupport's heartbeat closes dead sockets), so the context it captures does not
 * matter; the write itself does not use the context class loader.
 */
final class LeanContext {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    private static final ClassLoader APPLICATION = LeanContext.class.getClassLoader();

    /** A socket write. */
    interface Write {
        void run() throws IOException;
    }

    private LeanContext() {}

    /**
     * The start of a frame handler: the application's class loader as context class loader (see {@link #leave}).
     */
    static void enter() {
        Thread.currentThread().setContextClassLoader(APPLICATION);
    }

    /**
     * The end of a frame handler: the container thread keeps the platform class loader, so that Tyrus' re-arming
     * of the idle timer before the next frame this thread reads (which runs before {@link #enter}) does not scan
     * the application's jars either. Threads that serve HTTP requests get the application's loader bound again by
     * the servlet container for each request.
     */
    static void leave() {
        Thread.currentThread().setContextClassLoader(PLATFORM);
    }

    static void run(Write write) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            write.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

package im.universal.it.support;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A protocol client for {@code /ws/v1} on java.net.http.WebSocket. Every received frame is kept until a test
 * takes it with {@link #awaitFrame(Predicate, Duration)}, so a frame that arrives before the test asks for it is
 * not lost, and frames the test does not care about do not get in the way.
 */
public final class WsClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<JsonObject> pending = new ArrayList<>();
    private final List<JsonObject> all = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private WsClient(String name) {
        this.name = name;
    }

    /** Opens a WebSocket to {@code uri} (no Origin header, like any non-browser client). */
    public static WsClient connect(String name, URI uri) {
        WsClient client = new WsClient(name);
        try {
            client.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(uri, client.new Listener())
                    .get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(name + ": WebSocket handshake with " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return client;
    }

    /** Sends {@code auth} and waits for {@code ready}; returns the ready frame (fails on an {@code error}). */
    public JsonObject authenticate(String token) {
        send(Json.object().add("type", "auth").add("token", token).build());
        JsonObject answer = awaitFrame(Frames.type("ready").or(Frames.type("error")), Duration.ofSeconds(15));
        if (!"ready".equals(Json.str(answer, "type"))) {
            throw new AssertionError(name + ": auth answered with " + answer);
        }
        return answer;
    }

    public String name() {
        return name;
    }

    public void send(JsonObject frame) {
        sendText(frame.toString());
    }

    /** Sends any text as one frame, well-formed or not (for tests of hostile input). */
    public void sendText(String text) {
        try {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(name + ": cannot send " + text.substring(0, Math.min(200, text.length())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits for the first received frame (oldest first) matching {@code predicate}, takes it out of the queue
     * and returns it. Fails with everything received so far when {@code timeout} passes.
     */
    public JsonObject awaitFrame(Predicate<JsonObject> predicate, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Iterator<JsonObject> it = pending.iterator(); it.hasNext(); ) {
                    JsonObject frame = it.next();
                    if (predicate.test(frame)) {
                        it.remove();
                        return frame;
                    }
                }
                if (remaining <= 0) {
                    throw new AssertionError(
                            name + ": no matching frame within " + timeout.toSeconds() + " s; " + describeLocked());
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Every frame received so far, in order (taken or not). */
    public List<JsonObject> received() {
        lock.lock();
        try {
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the server closes the socket; returns the close status code. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": socket not closed within " + timeout.toSeconds() + " s; " + describe());
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": socket failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public String describe() {
        lock.lock();
        try {
            return describeLocked();
        } finally {
            lock.unlock();
        }
    }

    private String describeLocked() {
        return "received " + all.size() + " frame(s): " + all + (closed.isDone() ? " [closed]" : "");
    }

    /** Drops the TCP connection without a close handshake (a crashed client or a dead network). */
    public void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private void deliver(String text) {
        JsonObject frame;
        try {
            frame = Json.parse(text);
        } catch (RuntimeException e) {
            frame = Json.object().add("type", "_unparseable").add("text", text).build();
        }
        lock.lock();
        try {
            pending.add(frame);
            all.add(frame);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                deliver(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}

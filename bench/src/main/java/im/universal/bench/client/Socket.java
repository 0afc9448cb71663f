package im.universal.bench.client;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One client WebSocket on {@code /ws/v1}. Frames after {@code ready} go to the handler (on the HTTP client's
 * threads, in order); {@code ready} and an {@code error} before it complete {@link #authenticate}. Sends are
 * serialised per socket, as java.net.http requires.
 */
public final class Socket {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final CompletableFuture<JsonObject> ready = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Consumer<JsonObject> handler = frame -> {};
    private WebSocket webSocket;

    private Socket(String name) {
        this.name = name;
    }

    /** Opens the socket without waiting. */
    public static CompletableFuture<Socket> connectAsync(HttpClient http, URI uri, String name) {
        Socket socket = new Socket(name);
        return http.newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(uri, socket.new Listener())
                .thenApply(ws -> {
                    socket.webSocket = ws;
                    return socket;
                });
    }

    /** Opens the socket (the handshake only). */
    public static Socket connect(HttpClient http, URI uri, String name) {
        return await(connectAsync(http, uri, name), name + ": handshake with " + uri);
    }

    /** Opens the socket, sets the handler and authenticates: the socket is ready when this returns. */
    public static Socket open(HttpClient http, URI uri, String name, String token, Consumer<JsonObject> handler) {
        Socket socket = connect(http, uri, name);
        socket.onFrame(handler);
        socket.authenticate(token);
        return socket;
    }

    public String name() {
        return name;
    }

    public void onFrame(Consumer<JsonObject> handler) {
        this.handler = handler;
    }

    /** Sends {@code auth}; the future completes with {@code ready} (exceptionally on an error frame). */
    public CompletableFuture<JsonObject> authenticateAsync(String token) {
        webSocket.sendText(Jsons.auth(token), true);
        return ready;
    }

    public JsonObject authenticate(String token) {
        JsonObject frame = await(authenticateAsync(token), name + ": auth");
        return frame;
    }

    /** Sends one text frame and waits until it is handed to the network. */
    public void send(String text) {
        synchronized (this) {
            await(webSocket.sendText(text, true), name + ": send");
        }
    }

    public boolean isOpen() {
        return !closed.isDone() && webSocket != null && !webSocket.isInputClosed();
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Closes with 1000 and drops the connection. */
    public void close() {
        if (webSocket == null) {
            return;
        }
        try {
            synchronized (this) {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            webSocket.abort();
        }
    }

    /**
     * Closes with 1000 and waits (up to 10 s) for the server's close, reading every frame it wrote before: a
     * frame the server counted as delivered is not dropped by the client.
     */
    public void closeGracefully() {
        if (webSocket == null) {
            return;
        }
        try {
            synchronized (this) {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            }
            closed.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // dropped below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            webSocket.abort();
        }
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        if (webSocket != null) {
            webSocket.abort();
        }
    }

    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new BenchFailure(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BenchFailure(what + ": no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private static final boolean TRACE = System.getenv("UIM_BENCH_TRACE") != null;

    private void deliver(String text) {
        if (TRACE) {
            System.err.println("[trace] " + name + " <- " + text);
        }
        JsonObject frame = Jsons.parse(text);
        if (!ready.isDone()) {
            String type = Jsons.str(frame, "type");
            if ("ready".equals(type)) {
                ready.complete(frame);
                return;
            }
            if ("error".equals(type)) {
                ready.completeExceptionally(new BenchFailure(name + ": auth refused: " + frame));
                return;
            }
        }
        try {
            handler.accept(frame);
        } catch (RuntimeException e) {
            System.err.println("[bench] " + name + ": frame handler failed on " + frame + ": " + e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                deliver(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            ready.completeExceptionally(new BenchFailure(name + ": closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
            ready.completeExceptionally(new BenchFailure(name + ": socket error " + error, error));
        }
    }
}

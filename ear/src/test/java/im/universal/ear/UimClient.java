package im.universal.ear;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The public protocol (REST /api/v1, WebSocket /ws/v1) as far as the smoke test needs it. */
final class UimClient {

    /** An HTTP answer: status and body. */
    record Reply(int status, String body) {
        JsonObject json() {
            return parse(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    private final URI base;
    private final HttpClient http;

    UimClient(URI base) {
        this.base = base;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply postJson(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code /ws/v1}; text frames arrive in {@link Socket#next}. */
    Socket openSocket() {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/ws/v1");
        Socket socket = new Socket();
        socket.ws = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, socket)
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        return socket;
    }

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A WebSocket whose complete text frames are queued. */
    static final class Socket implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket ws;
        private volatile String closed;

        void send(JsonObject frame) {
            ws.sendText(frame.toString(), true).orTimeout(30, TimeUnit.SECONDS).join();
        }

        /** The next text frame, or an AssertionError when none arrives in time. */
        JsonObject next(Duration timeout) {
            try {
                String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    throw new AssertionError("no WebSocket frame within " + timeout.toSeconds() + " s"
                            + (closed == null ? "" : "; socket closed: " + closed));
                }
                return parse(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = "error " + error;
        }

        @Override
        public void close() {
            WebSocket socket = ws;
            if (socket != null && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                        .orTimeout(10, TimeUnit.SECONDS)
                        .exceptionally(e -> null)
                        .join();
            }
        }
    }
}

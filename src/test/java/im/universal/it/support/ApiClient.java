package im.universal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The REST part of the public protocol ({@code /api/v1}), over the wire with java.net.http. */
public final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http;

    /** @param base the ISP's base URL, e.g. {@code http://127.0.0.1:8181/} (or with a context root) */
    public ApiClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI base() {
        return base;
    }

    /** The WebSocket URI of this ISP: {@code ws://host:port/<context>/ws/v1}. */
    public URI webSocketUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws/v1");
    }

    // ---- raw calls ------------------------------------------------------------------------------------------

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, JsonObject body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())));
    }

    public Response patch(String path, String body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String token) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    // ---- protocol operations --------------------------------------------------------------------------------

    /** {@code POST /api/v1/accounts}; asserts 201 and returns the body. */
    public JsonObject register(String username, String password, String displayName, boolean listed) {
        JsonObject body = Json.object()
                .add("username", username)
                .add("password", password)
                .add("displayName", displayName)
                .add("listed", listed)
                .build();
        Response response = post("api/v1/accounts", body, null);
        assertEquals(201, response.status(), () -> "register " + username + " on " + base + ": " + response);
        return response.json();
    }

    /** {@code POST /api/v1/sessions}; asserts 201 and returns the token. */
    public String login(String username, String password) {
        JsonObject body = Json.object()
                .add("username", username)
                .add("password", password)
                .build();
        Response response = post("api/v1/sessions", body, null);
        assertEquals(201, response.status(), () -> "login " + username + " on " + base + ": " + response);
        String token = Json.str(response.json(), "token");
        if (token == null || token.isBlank()) {
            throw new AssertionError("login " + username + " on " + base + " returned no token: " + response);
        }
        return token;
    }

    /** {@code GET /api/v1/directory?q=}: the addresses found (asserts 200). */
    public List<String> directory(String token, String query) {
        Response response = get("api/v1/directory?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
        assertEquals(200, response.status(), () -> "directory search '" + query + "' on " + base + ": " + response);
        return response.json().getJsonArray("entries").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> Json.str(e, "address"))
                .collect(Collectors.toList());
    }

    /** {@code GET /api/v1/contacts} (asserts 200). */
    public List<JsonObject> contacts(String token) {
        Response response = get("api/v1/contacts", token);
        assertEquals(200, response.status(), () -> "contacts on " + base + ": " + response);
        return response.json().getJsonArray("contacts").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toList());
    }

    /** The {@code state} of one contact, or null if not in the list. */
    public String contactState(String token, String address) {
        return contacts(token).stream()
                .filter(c -> address.equals(Json.str(c, "address")))
                .map(c -> Json.str(c, "state"))
                .findFirst()
                .orElse(null);
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path, String token) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(relative)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response: status and body text; {@link #json()} parses the body. */
    public record Response(String call, int status, String body) {

        public JsonObject json() {
            try {
                return Json.parse(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object: " + this, e);
            }
        }

        /** The {@code error.code} of an error response, or null. */
        public String errorCode() {
            try {
                return Json.str(Json.parse(body), "error", "code");
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return call + " -> " + status + " " + body;
        }
    }
}

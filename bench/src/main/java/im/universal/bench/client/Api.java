package im.universal.bench.client;

import static im.universal.bench.client.Jsons.JSON;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The REST calls of the public protocol the benchmark needs ({@code /api/v1}). A 429 is waited out (its
 * {@code Retry-After}) and retried, so a throttled registration slows set-up down instead of failing it.
 */
public final class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_RETRIES = 30;

    private final URI base;
    private final HttpClient http;

    public Api(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(Daemon.factory("http")))
                .build();
    }

    public URI base() {
        return base;
    }

    public URI webSocketUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws/v1");
    }

    /** {@code POST /api/v1/accounts}; 201 expected. */
    public void register(String username, String password, boolean listed) {
        JsonObject body = JSON.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("listed", listed)
                .build();
        expect(201, post("api/v1/accounts", body.toString(), null), "register " + username);
    }

    /** {@code POST /api/v1/sessions}; returns the token. */
    public String login(String username, String password) {
        JsonObject body = JSON.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
        HttpResponse<String> response = post("api/v1/sessions", body.toString(), null);
        expect(201, response, "login " + username);
        return Jsons.str(Jsons.parse(response.body()), "token");
    }

    /**
     * {@code PUT /api/v1/contacts/{address}}; 202 expected. A 404 is retried for a while: right after start-up an
     * ISP may not have heard the other's hello yet, and answers 404 for a domain it does not know.
     */
    public void requestContact(String token, String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response =
                    send(request("api/v1/contacts/" + address, token).PUT(HttpRequest.BodyPublishers.noBody()));
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                expect(202, response, "contact request to " + address);
                return;
            }
            pause(500);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    /** {@code POST /api/v1/contacts/{address}/approve}; 204 expected. */
    public void approve(String token, String address) {
        expect(204, post("api/v1/contacts/" + address + "/approve", "", token), "approve " + address);
    }

    /** {@code GET /api/v1/contacts}. */
    public JsonObject contacts(String token) {
        HttpResponse<String> response = send(request("api/v1/contacts", token).GET());
        expect(200, response, "contacts");
        return Jsons.parse(response.body());
    }

    /** {@code GET /api/v1/directory?q=&limit=1}: the {@code total} of matching entries. */
    public long directoryTotal(String token, String query) {
        String path = "api/v1/directory?limit=1&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request(path, token).GET());
        expect(200, response, "directory " + query);
        return Jsons.parse(response.body()).getJsonNumber("total").longValue();
    }

    /** {@code GET /api/v1/conversations/{peer}/messages?limit=N}: the bodies, oldest first. */
    public java.util.List<String> lastBodies(String token, String peer, int limit) {
        HttpResponse<String> response = send(request("api/v1/conversations/" + peer + "/messages?limit=" + limit, token)
                .GET());
        expect(200, response, "history with " + peer);
        return Jsons.parse(response.body()).getJsonArray("messages").stream()
                .map(v -> Jsons.str(v.asJsonObject(), "body"))
                .toList();
    }

    /** The HTTP status of an unauthenticated GET (-1 when nothing answers). */
    public int status(String path) {
        try {
            return http.send(
                            request(path, null)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt >= MAX_RETRIES) {
                    return response;
                }
                long seconds =
                        response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, Math.min(seconds, 30)) * 1000);
            }
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new BenchFailure(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}

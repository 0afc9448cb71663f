package im.universal.it.hostile;

import static im.universal.it.support.Fixtures.LOCAL;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every boundary refuses bad input with the documented error and loses nothing (docs/protocol.md). */
@ExtendWith(FederationExtension.class)
class HostileInputIT {
    private final List<WsClient> sockets = new ArrayList<>();

    @AfterEach
    void close() {
        sockets.forEach(WsClient::close);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private WsClient connect(ApiClient api, String name) {
        WsClient socket = WsClient.connect(name, api.webSocketUri());
        sockets.add(socket);
        socket.authenticate(api.login(name, PASSWORD));
        return socket;
    }

    @Test
    void bruteForceGets429WithRetryAfterAndTheRightPasswordStillWorksLater(Federation federation) throws Exception {
        ApiClient alpha = federation.alpha().api();
        String victim = unique("victim");
        alpha.register(victim, PASSWORD, "Victim", false);
        int status = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 12 && status != 429; i++) {
            last = rawLogin(alpha, victim, "wrong-password-" + i);
            status = last.statusCode();
        }
        assertEquals(429, status, "no throttling after repeated failures");
        assertTrue(last.body().contains("\"too_many_attempts\""), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent(), "429 without Retry-After");
        // even the right password waits its turn while the bucket is empty
        assertEquals(429, rawLogin(alpha, victim, PASSWORD).statusCode());
    }

    @Test
    void aCrossOriginHandshakeIsRefusedAndTheOwnOriginAccepted(Federation federation) {
        URI socket = federation.alpha().api().webSocketUri();
        HttpClient http = HttpClient.newHttpClient();
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class, () -> http.newWebSocketBuilder()
                        .header("Origin", "http://evil.example")
                        .buildAsync(socket, new WebSocket.Listener() {})
                        .join());
        assertNotNull(refused.getCause());
        WebSocket own = http.newWebSocketBuilder()
                .header("Origin", "http://localhost:" + federation.alpha().port())
                .buildAsync(socket, new WebSocket.Listener() {})
                .orTimeout(15, TimeUnit.SECONDS)
                .join();
        own.abort();
    }

    @Test
    void malformedUnknownAndOversizedFramesGetDocumentedErrorsAndTheConnectionStays(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        String name = unique("mallory");
        alpha.register(name, PASSWORD, "Mallory", false);
        WsClient socket = connect(alpha, name);

        socket.sendText("{this is not json");
        assertEquals("invalid_request", Json.str(socket.awaitFrame(Frames.type("error"), LOCAL), "code"));
        socket.send(Json.object().add("type", "teleport").build());
        assertEquals("invalid_request", Json.str(socket.awaitFrame(Frames.type("error"), LOCAL), "code"));
        String id = Fixtures.newId();
        socket.send(Fixtures.message(id, "nobody@alpha.test", "x".repeat(4097)));
        JsonObject tooLarge = socket.awaitFrame(Frames.answerTo(id), LOCAL);
        assertEquals("too_large", Json.str(tooLarge, "code"), tooLarge::toString);
        // 4096 code points of a 2-unit character are within the limit: the refusal is for not being a contact
        String emoji = "😀".repeat(4096);
        String id2 = Fixtures.newId();
        socket.send(Fixtures.message(id2, "nobody@alpha.test", emoji));
        assertEquals("not_a_contact", Json.str(socket.awaitFrame(Frames.answerTo(id2), LOCAL), "code"));

        // still usable
        socket.send(Json.object().add("type", "ping").build());
        socket.awaitFrame(Frames.type("pong"), LOCAL);

        // a frame over 16 KiB closes the connection with 1009
        socket.sendText("{\"type\":\"ping\",\"pad\":\"" + "y".repeat(17 * 1024) + "\"}");
        assertEquals(1009, socket.awaitClose(LOCAL));
    }

    @Test
    void aFloodFromOneClientIsRateLimitedWithoutAffectingAnother(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        String flooder = unique("flooder");
        String calm = unique("calm");
        alpha.register(flooder, PASSWORD, "Flooder", false);
        alpha.register(calm, PASSWORD, "Calm", false);
        WsClient noisy = connect(alpha, flooder);
        WsClient quiet = connect(alpha, calm);

        for (int i = 0; i < 200; i++) {
            noisy.send(Json.object().add("type", "ping").build());
        }
        JsonObject limited =
                noisy.awaitFrame(Frames.type("error").and(f -> "rate_limited".equals(Json.str(f, "code"))), LOCAL);
        assertNotNull(limited);
        quiet.send(Json.object().add("type", "ping").build());
        quiet.awaitFrame(Frames.type("pong"), LOCAL);
        assertTrue(quiet.received().stream().noneMatch(Frames.type("error")), "the calm client was limited too");
    }

    @Test
    void scriptInEveryUserFieldIsStoredInertAndReturnedAsText(Federation federation) {
        ApiClient alpha = federation.alpha().api();
        String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String name = unique("xss");
        JsonObject account = alpha.register(name, PASSWORD, script, true);
        assertEquals(script, Json.str(account, "displayName"), "display name altered instead of stored as text");
        String token = alpha.login(name, PASSWORD);
        ApiClient.Response found = alpha.get("api/v1/directory?q=" + name, token);
        assertEquals(script, Json.str(found.json().getJsonArray("entries").getJsonObject(0), "displayName"));
        assertEquals("application/json;charset=UTF-8", contentType(alpha, "api/v1/directory?q=" + name, token));
        ApiClient.Response badName = alpha.post(
                "api/v1/accounts",
                Json.object()
                        .add("username", "<script>")
                        .add("password", PASSWORD)
                        .build(),
                null);
        assertEquals(400, badName.status());
        assertEquals("invalid_username", badName.errorCode());
    }

    @Test
    void errorsNeverLeakInternals(Federation federation) throws Exception {
        ApiClient alpha = federation.alpha().api();
        for (String path : List.of("nope", "api/v1/nope", "api/v1/contacts/no-at-sign", "ws/v1")) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(alpha.base().resolve(path))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() >= 400, path + " → " + response.statusCode());
            assertTrue(response.body().startsWith("{\"error\":{\"code\":"), path + " → " + response.body());
            assertFalse(
                    response.body().matches("(?s).*(Exception|\\bat [a-z]+\\.|SQL|org\\.|java\\.).*"),
                    path + " leaks: " + response.body());
        }
        HttpResponse<String> wrongMethod = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(alpha.base().resolve("api/v1/accounts"))
                                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().contains("\"method_not_allowed\""), wrongMethod.body());
        HttpResponse<String> wrongType = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(alpha.base().resolve("api/v1/accounts"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(415, wrongType.statusCode());
        assertTrue(wrongType.body().contains("\"unsupported_media_type\""), wrongType.body());
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(alpha.base()).GET().build(), HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    private static String contentType(ApiClient api, String path, String token) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(api.base().resolve(path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> rawLogin(ApiClient api, String user, String password) throws Exception {
        String body = Json.object()
                .add("username", user)
                .add("password", password)
                .build()
                .toString();
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(
                        HttpRequest.newBuilder(api.base().resolve("api/v1/sessions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}

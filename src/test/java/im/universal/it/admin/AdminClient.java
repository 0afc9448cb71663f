package im.universal.it.admin;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The admin API ({@code /api/admin/v1}) as the console uses it: a cookie session after login, the CSRF token in
 * a header on every state-changing call. Redirects are not followed, so tests see them.
 */
final class AdminClient {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private String csrf;

    AdminClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Logs in; returns the raw response (the CSRF token is kept when it succeeds). */
    Raw login(String user, String password) {
        Raw response = send(
                "POST",
                "api/admin/v1/login",
                Json.object().add("username", user).add("password", password).build(),
                null,
                false);
        if (response.status() == 200) {
            csrf = Json.str(response.json(), "csrfToken");
        }
        return response;
    }

    Raw get(String path) {
        return send("GET", path, null, null, false);
    }

    /** A state-changing call with the CSRF header. */
    Raw call(String method, String path, JsonObject body) {
        return send(method, path, body, null, true);
    }

    /** A state-changing call without the CSRF header. */
    Raw callWithoutCsrf(String method, String path, JsonObject body) {
        return send(method, path, body, null, false);
    }

    /** Any call with an IM user's bearer token and no session. */
    static Raw withBearer(URI base, String method, String path, String token) {
        return new AdminClient(base).send(method, path, null, token, false);
    }

    JsonArray array(String path) {
        Raw response = get(path);
        if (response.status() != 200) {
            throw new AssertionError(response.toString());
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
                .readArray();
    }

    JsonObject object(String path) {
        Raw response = get(path);
        if (response.status() != 200) {
            throw new AssertionError(response.toString());
        }
        return response.json();
    }

    List<JsonObject> accounts(String query) {
        return array("api/admin/v1/accounts?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    Optional<JsonObject> isp(String domain) {
        return object("api/admin/v1/federation").getJsonArray("isps").stream()
                .map(JsonValue::asJsonObject)
                .filter(i -> domain.equals(Json.str(i, "domain")))
                .findFirst();
    }

    List<JsonObject> audit() {
        return array("api/admin/v1/audit").stream().map(JsonValue::asJsonObject).toList();
    }

    static String path(String address) {
        return URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    private Raw send(String method, String path, JsonObject body, String bearer, boolean withCsrf) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (withCsrf && csrf != null) {
            builder.header(CSRF_HEADER, csrf);
        }
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Raw(method + " " + request.uri(), response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A response with its headers. */
    record Raw(String call, int status, String body, HttpResponse<String> response) {
        JsonObject json() {
            return new ApiClient.Response(call, status, body).json();
        }

        String errorCode() {
            return new ApiClient.Response(call, status, body).errorCode();
        }

        List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        @Override
        public String toString() {
            return call + " -> " + status + " " + body;
        }
    }
}

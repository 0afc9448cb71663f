package im.universal.bench.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Small JSON helpers on jakarta.json (Parsson). */
public final class Jsons {
    /** Looked up once: {@code JSON.create*} scans the class path for a provider on every call. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {}

    public static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The string member {@code name}, or null when absent or not a string. */
    public static String str(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    public static String message(String clientId, String to, String body) {
        return JSON.createObjectBuilder()
                .add("type", "message")
                .add("id", clientId)
                .add("to", to)
                .add("body", body)
                .build()
                .toString();
    }

    public static String auth(String token) {
        return JSON.createObjectBuilder()
                .add("type", "auth")
                .add("token", token)
                .build()
                .toString();
    }

    public static String presence(String show) {
        return JSON.createObjectBuilder()
                .add("type", "presence")
                .add("show", show)
                .build()
                .toString();
    }
}

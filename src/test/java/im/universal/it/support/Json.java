package im.universal.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Small JSON-P helpers for the protocol clients. */
public final class Json {

    private Json() {}

    public static JsonObject parse(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** A string member, or null when absent or not a string. */
    public static String str(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }

    /** A string member of a nested object ({@code frame.presence.show}), or null. */
    public static String str(JsonObject object, String child, String name) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(child);
        return value instanceof JsonObject nested ? str(nested, name) : null;
    }

    public static jakarta.json.JsonObjectBuilder object() {
        return jakarta.json.Json.createObjectBuilder();
    }

    public static jakarta.json.JsonArrayBuilder array() {
        return jakarta.json.Json.createArrayBuilder();
    }
}

package im.universal.web.json;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Strict reading of client JSON: anything malformed or mistyped is {@code invalid_request}. */
public final class JsonInput {
    private JsonInput() {}

    public static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("A JSON object body is required");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("Expected a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("Malformed JSON");
        }
    }

    /** An optional string field (null when absent or JSON null). */
    public static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw invalid(name + " must be a string");
    }

    public static String requiredString(JsonObject json, String name) {
        String value = string(json, name);
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    public static Boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw invalid(name + " must be true or false");
    }

    public static boolean isNumber(JsonValue value) {
        return value instanceof JsonNumber;
    }

    public static UimException invalid(String message) {
        return new UimException(ErrorCode.INVALID_REQUEST, message);
    }
}

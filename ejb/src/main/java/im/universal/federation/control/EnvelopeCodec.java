package im.universal.federation.control;

import static im.universal.platform.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes and strictly reads the JSON form of envelopes. Anything unexpected is an {@link EnvelopeRejected}. */
public final class EnvelopeCodec {
    static final int MAX_TEXT = 64 * 1024;
    /** A batch (docs/federation.md): a JSON array of envelopes in one broker message. */
    public static final int MAX_BATCH = 500;

    static final int MAX_BATCH_TEXT = 1024 * 1024;

    /** One element of a batch: the envelope, or why it was rejected (an element is rejected on its own). */
    public record Decoded(Envelope envelope, EnvelopeRejected rejected) {}

    private EnvelopeCodec() {}

    public static String encode(Envelope envelope) {
        return JSON.createObjectBuilder()
                .add("version", envelope.version())
                .add("type", envelope.type().wire())
                .add("id", envelope.id())
                .add("origin", envelope.origin())
                .add("sentAt", envelope.sentAt().toString())
                .add("payload", envelope.payload())
                .build()
                .toString();
    }

    /** Envelopes (their encoded texts) as the body of one batch message. */
    public static String encodeBatch(List<String> envelopes) {
        return envelopes.stream().collect(Collectors.joining(",", "[", "]"));
    }

    public static Envelope decode(String text) throws EnvelopeRejected {
        if (text == null || text.isEmpty()) {
            throw new EnvelopeRejected("malformed", "empty envelope");
        }
        if (text.length() > MAX_TEXT) {
            throw new EnvelopeRejected("malformed", "envelope too large");
        }
        JsonValue value = read(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new EnvelopeRejected("malformed", "not a JSON object");
        }
        return decode(value.asJsonObject());
    }

    /**
     * A batch message: a JSON array of at most {@link #MAX_BATCH} envelopes. The batch as a whole is rejected when
     * it is not such an array; each element is decoded (and may be rejected) on its own.
     */
    public static List<Decoded> decodeBatch(String text) throws EnvelopeRejected {
        if (text == null || text.isEmpty() || text.length() > MAX_BATCH_TEXT) {
            throw new EnvelopeRejected("malformed", "empty or oversized batch");
        }
        JsonValue value = read(text);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new EnvelopeRejected("malformed", "a batch is not a JSON array");
        }
        JsonArray array = value.asJsonArray();
        if (array.isEmpty() || array.size() > MAX_BATCH) {
            throw new EnvelopeRejected("malformed", "a batch holds 1 to " + MAX_BATCH + " envelopes");
        }
        List<Decoded> decoded = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            try {
                if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new EnvelopeRejected("malformed", "not a JSON object");
                }
                decoded.add(new Decoded(decode(element.asJsonObject()), null));
            } catch (EnvelopeRejected rejected) {
                decoded.add(new Decoded(null, rejected));
            }
        }
        return decoded;
    }

    private static JsonValue read(String text) throws EnvelopeRejected {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new EnvelopeRejected("malformed", "not JSON");
        }
    }

    private static Envelope decode(JsonObject json) throws EnvelopeRejected {
        JsonValue version = json.get("version");
        if (version == null || version.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new EnvelopeRejected("malformed", "no version");
        }
        if (json.getJsonNumber("version").intValue() != Envelope.VERSION
                || !json.getJsonNumber("version").isIntegral()) {
            throw new EnvelopeRejected("unknown_version", "version " + version);
        }
        String typeName = text(json, "type");
        EnvelopeType type = EnvelopeType.fromWire(typeName)
                .orElseThrow(() -> new EnvelopeRejected("unknown_type", "type " + typeName));
        String id = text(json, "id");
        if (id.length() > 64) {
            throw new EnvelopeRejected("malformed", "id too long");
        }
        String origin = text(json, "origin");
        Instant sentAt;
        try {
            sentAt = Instant.parse(text(json, "sentAt"));
        } catch (DateTimeParseException e) {
            throw new EnvelopeRejected("malformed", "sentAt");
        }
        JsonValue payload = json.get("payload");
        if (payload == null || payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new EnvelopeRejected("malformed", "no payload object");
        }
        return new Envelope(Envelope.VERSION, type, id, origin, sentAt, payload.asJsonObject());
    }

    /** A required, non-empty string field. */
    public static String text(JsonObject json, String name) throws EnvelopeRejected {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString string) || string.getString().isEmpty()) {
            throw new EnvelopeRejected("malformed", "missing " + name);
        }
        return string.getString();
    }

    /** An optional string field; null when absent or JSON null. */
    public static String optionalText(JsonObject json, String name) throws EnvelopeRejected {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new EnvelopeRejected("malformed", name + " is not a string");
        }
        return string.getString();
    }
}

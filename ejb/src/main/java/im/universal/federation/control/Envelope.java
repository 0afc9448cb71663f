package im.universal.federation.control;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A federation envelope: versioned, typed, uniquely identified and stamped with its origin ISP. */
public record Envelope(int version, EnvelopeType type, String id, String origin, Instant sentAt, JsonObject payload) {
    public static final int VERSION = 1;

    public static Envelope create(EnvelopeType type, String origin, JsonObject payload) {
        return new Envelope(VERSION, type, UUID.randomUUID().toString(), origin, Instant.now(), payload);
    }
}

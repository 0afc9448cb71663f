package im.universal.federation.control;

import im.universal.platform.Ids;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A federation envelope: versioned, typed, uniquely identified and stamped with its origin ISP. */
public record Envelope(int version, EnvelopeType type, String id, String origin, Instant sentAt, JsonObject payload) {
    public static final int VERSION = 1;

    public static Envelope create(EnvelopeType type, String origin, JsonObject payload) {
        return new Envelope(VERSION, type, Ids.newId(), origin, Instant.now(), payload);
    }
}

package im.universal.it.support;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

/** Shared test data and frame builders. */
public final class Fixtures {

    /** Long enough for the cross-ISP hop (ISP → broker → ISP) on a busy 2-core machine. */
    public static final Duration FEDERATION_HOP = Duration.ofSeconds(15);

    public static final Duration LOCAL = Duration.ofSeconds(10);

    public static final String PASSWORD = "correct-horse-battery";

    private Fixtures() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static JsonObject message(String id, String to, String body) {
        return Json.object()
                .add("type", "message")
                .add("id", id)
                .add("to", to)
                .add("body", body)
                .build();
    }

    public static JsonObject bye() {
        return Json.object().add("type", "bye").build();
    }
}

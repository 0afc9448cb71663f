package im.universal.web.json;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.boundary.ContactView;
import im.universal.presence.control.PresenceView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/** JSON shapes shared by REST and WebSocket (docs/protocol.md). */
public final class Views {
    private Views() {}

    public static JsonObject presence(PresenceView view) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("show", view.show().wire());
        nullable(b, "status", view.status());
        nullable(b, "lastSeen", view.lastSeen());
        return b.build();
    }

    public static JsonArrayBuilder contacts(List<ContactView> contacts) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        contacts.forEach(c -> array.add(JSON.createObjectBuilder()
                .add("address", c.address())
                .add("displayName", c.displayName())
                .add("state", c.state())
                .add("presence", presence(c.presence()))));
        return array;
    }

    public static JsonObject error(String code, String message) {
        return JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
                .build();
    }

    public static void nullable(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.addNull(name);
        } else if (value instanceof Instant instant) {
            b.add(name, instant.toString());
        } else {
            b.add(name, value.toString());
        }
    }
}

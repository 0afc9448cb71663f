package im.universal.web.ws;

import im.universal.contact.boundary.ContactView;
import im.universal.push.entity.ContactPush;
import im.universal.push.entity.ContactRequestPush;
import im.universal.push.entity.ErrorPush;
import im.universal.push.entity.MessagePush;
import im.universal.push.entity.Notification;
import im.universal.push.entity.PresencePush;
import im.universal.push.entity.StatusPush;
import im.universal.push.entity.TypingPush;
import im.universal.session.boundary.ChatSession;
import im.universal.session.control.Caller;
import im.universal.web.json.JsonInput;
import im.universal.web.json.Views;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;

/**
 * Decodes client frames and encodes server frames (docs/protocol.md). One {@link JsonProvider} for all: the
 * static {@code Json.create*} methods look the provider up with a ServiceLoader scan of the application's class
 * loader on every call, which under load was the top lock contention of the endpoint (docs/benchmarks.md).
 */
final class Frames {
    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {}

    /** A client frame: a JSON object, anything else is {@code invalid_request} (as {@link JsonInput#object}). */
    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            throw JsonInput.invalid("A JSON object body is required");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw JsonInput.invalid("Expected a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw JsonInput.invalid("Malformed JSON");
        }
    }

    static String encode(Notification notification) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (notification instanceof MessagePush m) {
            b.add("type", "message")
                    .add("id", m.serverId())
                    .add("from", m.from())
                    .add("to", m.to())
                    .add("body", m.body())
                    .add("sentAt", m.sentAt().toString());
        } else if (notification instanceof StatusPush s) {
            b.add("type", "status").add("id", s.serverId()).add("status", s.status());
        } else if (notification instanceof PresencePush p) {
            b.add("type", "presence")
                    .add("from", p.from())
                    .add("show", p.presence().show().wire());
            Views.nullable(b, "status", p.presence().status());
            Views.nullable(b, "lastSeen", p.presence().lastSeen());
        } else if (notification instanceof ContactRequestPush r) {
            b.add("type", "contact-request").add("from", r.from()).add("displayName", r.displayName());
        } else if (notification instanceof ContactPush c) {
            b.add("type", "contact").add("address", c.address()).add("state", c.state());
        } else if (notification instanceof TypingPush t) {
            b.add("type", "typing").add("from", t.from()).add("state", t.state());
        } else if (notification instanceof ErrorPush e) {
            b.add("type", "error").add("code", e.code()).add("message", e.message());
            if (e.ref() != null) {
                b.add("ref", e.ref());
            }
        }
        return b.build().toString();
    }

    static String ready(Caller caller, List<ContactView> contacts) {
        return JSON.createObjectBuilder()
                .add("type", "ready")
                .add("address", caller.address().toString())
                .add("mode", caller.mode().wire())
                .add("contacts", Views.contacts(contacts))
                .build()
                .toString();
    }

    static String ack(String clientId, String serverId, String status) {
        return JSON.createObjectBuilder()
                .add("type", "ack")
                .add("id", clientId)
                .add("serverId", serverId)
                .add("status", status)
                .build()
                .toString();
    }

    static String session(ChatSession session) {
        return JSON.createObjectBuilder()
                .add("type", "session")
                .add("with", session.with())
                .add("route", session.route())
                .add("available", session.presence().online())
                .add("presence", Views.presence(session.presence()))
                .build()
                .toString();
    }

    static String error(String code, String message, String ref) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", "error")
                .add("code", code)
                .add("message", message);
        if (ref != null) {
            b.add("ref", ref);
        }
        return b.build().toString();
    }

    static String pong() {
        return "{\"type\":\"pong\"}";
    }
}

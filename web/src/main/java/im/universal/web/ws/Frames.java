package im.universal.web.ws;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.boundary.ContactView;
import im.universal.push.entity.AckPush;
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
import im.universal.web.json.Views;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Encodes server frames (docs/protocol.md), with the application's one JSON provider ({@code JsonSupport}). */
final class Frames {
    private Frames() {}

    static String encode(Notification notification) {
        if (notification instanceof AckPush a) {
            return ack(a.clientId(), a.serverId(), a.status());
        }
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

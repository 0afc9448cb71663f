package im.universal.federation.boundary;

import static im.universal.federation.control.EnvelopeCodec.optionalText;
import static im.universal.federation.control.EnvelopeCodec.text;

import im.universal.contact.boundary.ContactService;
import im.universal.directory.boundary.DirectoryService;
import im.universal.federation.control.Envelope;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeVerifier;
import im.universal.message.boundary.InboundMessages;
import im.universal.message.boundary.RemoteMessage;
import im.universal.message.boundary.RemoteReceipt;
import im.universal.platform.Address;
import im.universal.presence.boundary.PresenceService;
import im.universal.presence.boundary.RemotePresence;
import im.universal.presence.control.PresenceView;
import im.universal.presence.control.Show;
import im.universal.push.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns each verified envelope type into a call on the boundary that owns it. */
@Stateless
public class InboundDispatcher {

    @Inject
    DirectoryService directory;

    @Inject
    InboundMessages inbound;

    @Inject
    Event<Notification> notifications;

    @Inject
    ContactService contacts;

    @Inject
    PresenceService presence;

    @Inject
    DirectorySnapshots snapshots;

    public void dispatch(Envelope envelope, EnvelopeVerifier verifier) throws EnvelopeRejected {
        JsonObject p = envelope.payload();
        switch (envelope.type()) {
            case DIRECTORY_REGISTERED, DIRECTORY_UPDATED -> directory.upsertRemote(
                    verifier.senderAddress(envelope, text(p, "address")), displayName(p));
            case DIRECTORY_REMOVED -> directory.removeRemote(verifier.senderAddress(envelope, text(p, "address")));
            case ISP_HELLO -> snapshots.welcome(envelope.origin());
            case ISP_WELCOME -> {
                // being verified is all: the processor has recorded the origin as a known ISP
            }
            case DIRECTORY_SNAPSHOT_REQUEST -> snapshots.answer(envelope.origin());
            case DIRECTORY_SNAPSHOT -> {
                JsonValue entries = p.get("entries");
                if (!(entries instanceof JsonArray array) || array.size() > 10_000) {
                    throw new EnvelopeRejected("malformed", "entries must be an array");
                }
                for (JsonValue entry : array) {
                    if (!(entry instanceof JsonObject e)) {
                        throw new EnvelopeRejected("malformed", "entries must be objects");
                    }
                    directory.upsertRemote(verifier.senderAddress(envelope, text(e, "address")), displayName(e));
                }
            }
            case MESSAGE -> inbound.receive(List.of(remoteMessage(envelope, verifier)))
                    .forEach(notifications::fire);
            case RECEIPT -> inbound.receipts(List.of(remoteReceipt(envelope, verifier)))
                    .forEach(notifications::fire);
            case PRESENCE -> presence.remoteUpdates(List.of(remotePresence(envelope, verifier)))
                    .forEach(notifications::fire);
            case PRESENCE_PROBE -> presence.remoteProbe(
                    verifier.senderAddress(envelope, text(p, "from")), localAddresses(p, verifier));
            case CONTACT_REQUEST -> contacts.remoteRequest(
                    verifier.senderAddress(envelope, text(p, "from")),
                    verifier.localAddress(text(p, "to")),
                    displayName(p));
            case CONTACT_ANSWER -> contacts.remoteAnswer(
                    verifier.senderAddress(envelope, text(p, "from")),
                    verifier.localAddress(text(p, "to")),
                    text(p, "answer"));
            case TYPING -> inbound.typing(
                    verifier.senderAddress(envelope, text(p, "from")),
                    verifier.localAddress(text(p, "to")),
                    text(p, "state"));
            case ERROR -> contacts.remoteError(
                    verifier.localAddress(text(p, "to")), text(p, "code"), optionalText(p, "ref"));
        }
    }

    /** The message an envelope of type {@code message} carries. */
    static RemoteMessage remoteMessage(Envelope envelope, EnvelopeVerifier verifier) throws EnvelopeRejected {
        JsonObject p = envelope.payload();
        return new RemoteMessage(
                text(p, "serverId"),
                verifier.senderAddress(envelope, text(p, "from")),
                verifier.localAddress(text(p, "to")),
                optionalText(p, "clientId"),
                text(p, "body"),
                instant(text(p, "sentAt")));
    }

    /** The receipt an envelope of type {@code receipt} carries. */
    static RemoteReceipt remoteReceipt(Envelope envelope, EnvelopeVerifier verifier) throws EnvelopeRejected {
        JsonObject p = envelope.payload();
        return new RemoteReceipt(
                text(p, "serverId"),
                verifier.senderAddress(envelope, text(p, "from")),
                verifier.localAddress(text(p, "to")),
                text(p, "status"));
    }

    /** The presence an envelope of type {@code presence} carries. */
    static RemotePresence remotePresence(Envelope envelope, EnvelopeVerifier verifier) throws EnvelopeRejected {
        JsonObject p = envelope.payload();
        return new RemotePresence(
                verifier.senderAddress(envelope, text(p, "from")), presenceView(p), localAddresses(p, verifier));
    }

    private static String displayName(JsonObject p) throws EnvelopeRejected {
        String name = optionalText(p, "displayName");
        if (name != null && name.length() > 100) {
            throw new EnvelopeRejected("malformed", "displayName too long");
        }
        return name;
    }

    private static PresenceView presenceView(JsonObject p) throws EnvelopeRejected {
        Show show = Show.fromWire(text(p, "show"));
        if (show == null) {
            throw new EnvelopeRejected("malformed", "show");
        }
        String lastSeen = optionalText(p, "lastSeen");
        return new PresenceView(show, optionalText(p, "status"), lastSeen == null ? null : instant(lastSeen));
    }

    private static List<Address> localAddresses(JsonObject p, EnvelopeVerifier verifier) throws EnvelopeRejected {
        JsonValue value = p.get("to");
        if (!(value instanceof JsonArray array) || array.size() > 10_000) {
            throw new EnvelopeRejected("malformed", "to must be an array");
        }
        List<Address> result = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw new EnvelopeRejected("malformed", "to entries must be strings");
            }
            result.add(verifier.localAddress(s.getString()));
        }
        return result;
    }

    private static Instant instant(String text) throws EnvelopeRejected {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new EnvelopeRejected("malformed", "timestamp");
        }
    }
}

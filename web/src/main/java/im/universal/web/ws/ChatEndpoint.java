package im.universal.web.ws;

import im.universal.contact.boundary.ContactService;
import im.universal.message.boundary.Delivery;
import im.universal.message.boundary.DeliveryRecorder;
import im.universal.message.boundary.MessageService;
import im.universal.message.boundary.MessageWriter;
import im.universal.message.boundary.SendRequest;
import im.universal.platform.ErrorCode;
import im.universal.platform.Telemetry;
import im.universal.platform.UimException;
import im.universal.presence.boundary.PresenceService;
import im.universal.push.entity.MessagePush;
import im.universal.session.boundary.ConnectionStart;
import im.universal.session.boundary.SessionService;
import im.universal.session.control.Caller;
import im.universal.web.json.JsonInput;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/v1}: a transport only. Decodes a frame, calls a boundary, encodes the answer (docs/protocol.md).
 * The first frame must be {@code auth} within 10 s; then the client gets {@code ready} and its offline messages.
 * One instance serves every socket ({@link ChatConfigurator}): it must keep no per-socket state in fields.
 */
@ServerEndpoint(value = "/ws/v1", configurator = ChatConfigurator.class)
public class ChatEndpoint {
    static final int MAX_FRAME = 16 * 1024;
    private static final String CONNECTION = "uim.connection";
    private static final String DEADLINE = "uim.auth-deadline";
    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    // EJBs by @EJB, not @Inject: the container's own references, without Weld's proxy, which makes Payara create
    // and catch an exception on every call (docs/benchmarks.md, finding 10)
    @EJB
    ConnectionStart starts;

    @EJB
    SessionService sessions;

    @EJB
    PresenceService presence;

    @EJB
    ContactService contacts;

    @EJB
    MessageService messages;

    @Inject
    MessageWriter writer;

    @Inject
    DeliveryRecorder deliveries;

    @Inject
    WsSupport support;

    @Inject
    Telemetry telemetry;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        session.setMaxBinaryMessageBufferSize(1024);
        support.installIdleTimer(session);
        session.getUserProperties().put(DEADLINE, support.authDeadline(() -> {
            if (session.isOpen() && connection(session) == null) {
                refuse(session, "Authenticate within 10 seconds");
            }
        }));
    }

    @OnMessage
    public void frame(Session session, String text) {
        WsConnection connection = connection(session);
        if (connection != null) {
            connection.heard();
        }
        JsonObject frame;
        String type;
        try {
            frame = JsonInput.object(text);
            type = JsonInput.requiredString(frame, "type");
        } catch (UimException e) {
            if (connection == null) {
                refuse(session, "The first frame must be auth");
            } else {
                reply(session, Frames.error(e.code().code(), e.getMessage(), null));
            }
            return;
        }
        if (connection == null) {
            if ("auth".equals(type)) {
                try {
                    authenticate(session, frame);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Authentication of a WebSocket failed", e);
                    reply(session, Frames.error(ErrorCode.INTERNAL_ERROR.code(), "Internal server error", null));
                    closeQuietly(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "internal error");
                }
            } else {
                refuse(session, "The first frame must be auth");
            }
            return;
        }
        String ref = "message".equals(type) ? safeString(frame, "id") : null;
        if (!support.allowFrame(connection)) {
            reply(session, Frames.error(ErrorCode.RATE_LIMITED.code(), "Too many frames; slow down", ref));
            return;
        }
        try {
            handle(connection, type, frame);
        } catch (UimException e) {
            reply(session, Frames.error(e.code().code(), e.getMessage(), ref));
        } catch (EJBException e) {
            LOG.log(Level.SEVERE, "Frame " + type + " failed", e);
            reply(session, Frames.error(ErrorCode.INTERNAL_ERROR.code(), "Internal server error", ref));
        }
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        WsConnection connection = connection(session);
        if (connection != null) {
            connection.heard();
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        cancelDeadline(session);
        WsConnection connection = connection(session);
        if (connection != null) {
            session.getUserProperties().remove(CONNECTION);
            support.untrack(connection);
            presence.disconnected(connection);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
    }

    private void handle(WsConnection connection, String type, JsonObject frame) {
        Caller caller = connection.caller();
        Session session = connection.session();
        switch (type) {
                // stored by the group commit; the ack (or error) follows on this connection's queue
            case "message" -> writer.submit(
                    new SendRequest(
                            caller,
                            JsonInput.requiredString(frame, "id"),
                            JsonInput.requiredString(frame, "to"),
                            JsonInput.requiredString(frame, "body")),
                    connection);
            case "open" -> reply(
                    session, Frames.session(contacts.open(caller, JsonInput.requiredString(frame, "with"))));
            case "presence" -> presence.update(
                    connection,
                    JsonInput.requiredString(frame, "show"),
                    emptyToNull(JsonInput.string(frame, "status")));
            case "typing" -> messages.typing(
                    caller, JsonInput.requiredString(frame, "to"), JsonInput.requiredString(frame, "state"));
            case "delivered" -> messages.markDeliveredByClient(caller, JsonInput.requiredString(frame, "id"));
            case "read" -> messages.markRead(caller, JsonInput.requiredString(frame, "id"));
            case "ping" -> reply(session, Frames.pong());
            case "bye" -> sessions.logout(caller);
            case "auth" -> throw JsonInput.invalid("Already authenticated");
            default -> throw JsonInput.invalid("Unknown frame type: " + type);
        }
    }

    private void authenticate(Session session, JsonObject frame) {
        // what earlier connections of this user were shown is recorded before the backlog is read
        deliveries.flush();
        ConnectionStart.Started started;
        try {
            started = starts.start(JsonInput.string(frame, "token"), caller -> open(session, caller));
        } catch (RuntimeException e) {
            WsConnection opened = connection(session);
            if (opened != null) {
                failedStart(opened, e);
            } else if (e instanceof UimException refused) {
                refuse(session, refused.getMessage());
            } else {
                throw e;
            }
            return;
        }
        WsConnection connection = (WsConnection) started.connection();
        try {
            connection.send(Frames.ready(connection.caller(), started.contacts()));
            if (writeBacklog(connection, started.backlog())) {
                connection.release();
            }
        } catch (RuntimeException e) {
            failedStart(connection, e);
        }
    }

    /** The connection of an authenticated socket: it holds its pushes until the backlog is written. */
    private WsConnection open(Session session, Caller caller) {
        cancelDeadline(session);
        WsConnection connection = new WsConnection(session, caller, support.executor(), this::delivered);
        session.getUserProperties().put(CONNECTION, connection);
        support.track(connection);
        return connection;
    }

    /** Never leaves a socket that looks alive but holds its pushes: the client reconnects and catches up. */
    private static void failedStart(WsConnection connection, RuntimeException e) {
        LOG.log(
                Level.SEVERE,
                "Could not start the session of " + connection.caller().address(),
                e);
        connection.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error, reconnect");
    }

    /**
     * Writes the offline backlog, oldest first, from its first page until none is left; false when the socket went
     * away. Each page is recorded as delivered in one transaction once written. A message another connection has
     * already written, whose delivery still waits in the recorder (the flush gave up) or was recorded since the
     * page was read, is skipped ({@link BacklogPage}); a page of only those waits for the recorder once more and is
     * read again. A message still pending after it was written (its delivery could not be recorded) ends the loop
     * rather than repeating.
     */
    private boolean writeBacklog(WsConnection connection, List<MessagePush> firstPage) {
        String address = connection.caller().address().toString();
        List<MessagePush> backlog = firstPage;
        boolean waitedAgain = false;
        while (!backlog.isEmpty()) {
            BacklogPage.Selection page = BacklogPage.select(
                    backlog,
                    connection::wasWrittenFromBacklog,
                    deliveries::awaitingRecord,
                    ids -> messages.stillPending(address, ids));
            boolean awaiting = page.awaiting();
            List<MessagePush> written = new ArrayList<>();
            boolean open = true;
            for (MessagePush message : page.toWrite()) {
                if (!connection.writeBacklog(message)) {
                    open = false;
                    break;
                }
                written.add(message);
            }
            if (!written.isEmpty()) {
                count(written);
                deliveries.recordNow(deliveries(written));
            }
            if (!open) {
                return false;
            }
            if (written.isEmpty()) {
                if (!awaiting || waitedAgain) {
                    String why = awaiting
                            ? " are recorded slowly; the rest of the backlog comes at the next connection"
                            : " could not be recorded; they stay pending";
                    LOG.warning(() -> "Deliveries of " + address + why);
                    return true;
                }
                waitedAgain = true;
                deliveries.flush();
            }
            backlog = messages.pending(address);
        }
        return true;
    }

    /** A live message frame reached the recipient's socket: it counts as delivered (rule 3), recorded in a batch. */
    private void delivered(MessagePush written) {
        count(List.of(written));
        deliveries.record(deliveries(List.of(written)));
    }

    private void count(List<MessagePush> written) {
        Instant now = Instant.now();
        written.forEach(m -> telemetry.delivered(Duration.between(m.sentAt(), now)));
    }

    private static List<Delivery> deliveries(List<MessagePush> written) {
        return written.stream().map(m -> new Delivery(m.to(), m.serverId())).toList();
    }

    private static void refuse(Session session, String message) {
        reply(session, Frames.error(ErrorCode.UNAUTHORIZED.code(), message, null));
        closeQuietly(session, CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized");
    }

    private static void closeQuietly(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (java.io.IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Close failed", e);
        }
    }

    private static void reply(Session session, String frame) {
        WsConnection connection = connection(session);
        if (connection != null) {
            connection.send(frame);
            return;
        }
        try {
            synchronized (session) {
                session.getBasicRemote().sendText(frame);
            }
        } catch (java.io.IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Reply failed", e);
        }
    }

    private static void cancelDeadline(Session session) {
        if (session.getUserProperties().remove(DEADLINE) instanceof Future<?> deadline) {
            deadline.cancel(false);
        }
    }

    private static WsConnection connection(Session session) {
        return (WsConnection) session.getUserProperties().get(CONNECTION);
    }

    private static String safeString(JsonObject frame, String name) {
        return frame.get(name) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package im.universal.message.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.boundary.ContactService;
import im.universal.federation.boundary.EphemeralSender;
import im.universal.federation.boundary.FederationGateway;
import im.universal.federation.control.EnvelopeType;
import im.universal.message.control.MessageRules;
import im.universal.message.entity.Message;
import im.universal.message.entity.MessageStatus;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.platform.UimException;
import im.universal.push.entity.MessagePush;
import im.universal.push.entity.Notification;
import im.universal.push.entity.StatusPush;
import im.universal.push.entity.TypingPush;
import im.universal.session.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Messages: accepted only between accepted contacts, persisted before the ack, routed locally or to the
 * recipient's ISP, delivered once (offline ones at the next connection), with delivered/read receipts.
 */
@Stateless
public class MessageService {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    static final int PENDING_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(MessageService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    ContactService contacts;

    @Inject
    FederationGateway federation;

    @Inject
    Telemetry telemetry;

    @Inject
    EphemeralSender ephemeral;

    @Inject
    Event<Notification> notifications;

    public MessageAck send(Caller caller, String clientId, String rawTo, String body) {
        MessageRules.clientId(clientId);
        String sender = caller.address().toString();
        Optional<Message> resent = bySenderAndClientId(sender, clientId);
        if (resent.isPresent()) {
            return new MessageAck(clientId, resent.get().serverId(), MessageStatus.ACCEPTED.wire(), true);
        }
        Address to = Address.tryParse(rawTo);
        if (to == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "to must be an address");
        }
        MessageRules.body(body);
        boolean local = config.isLocal(to);
        caller.requireReach(local);
        if (!contacts.isAccepted(sender, to.toString())) {
            throw new UimException(ErrorCode.NOT_A_CONTACT, "Messages go only to accepted contacts");
        }
        Message message =
                new Message(UUID.randomUUID().toString(), sender, to.toString(), clientId, body, Instant.now(), local);
        em.persist(message);
        telemetry.message(local ? "local" : "remote_out");
        if (local) {
            notifications.fire(push(message));
        } else {
            federation.send(
                    to.domain(),
                    EnvelopeType.MESSAGE,
                    JSON.createObjectBuilder()
                            .add("serverId", message.serverId())
                            .add("from", sender)
                            .add("to", message.recipient())
                            .add("clientId", clientId)
                            .add("body", body)
                            .add("sentAt", message.sentAt().toString())
                            .build());
        }
        return new MessageAck(clientId, message.serverId(), MessageStatus.ACCEPTED.wire(), false);
    }

    /** The recipient's messages not yet written to any of their sockets, oldest first. */
    public List<MessagePush> pending(String recipient) {
        return em
                .createNamedQuery(Message.PENDING_FOR, Message.class)
                .setParameter("recipient", recipient)
                .setMaxResults(PENDING_BATCH)
                .getResultList()
                .stream()
                .map(MessageService::push)
                .toList();
    }

    /** A message was written to an authenticated socket of its recipient: it is delivered, never again. */
    public void markDelivered(String recipient, String serverId) {
        advance(recipient, serverId, MessageStatus.DELIVERED);
    }

    /**
     * Messages written to a socket of their recipient, in one transaction (one query, one commit) rather than one
     * per message; each sender still gets its own status.
     */
    public void markDelivered(String recipient, List<String> serverIds) {
        if (serverIds.size() == 1) {
            markDelivered(recipient, serverIds.get(0));
            return;
        }
        em
                .createNamedQuery(Message.BY_SERVER_IDS, Message.class)
                .setParameter("serverIds", serverIds)
                .getResultList()
                .stream()
                .filter(m -> m.recipient().equals(recipient))
                .forEach(m -> advance(m, recipient, MessageStatus.DELIVERED));
    }

    /** The recipient read the message. */
    public void markRead(Caller caller, String serverId) {
        advance(caller.address().toString(), MessageRules.serverId(serverId), MessageStatus.READ);
    }

    /** Receipt from the client for a message it received (delivered is also set by the server on write). */
    public void markDeliveredByClient(Caller caller, String serverId) {
        advance(caller.address().toString(), MessageRules.serverId(serverId), MessageStatus.DELIVERED);
    }

    public List<MessageView> history(Caller caller, String rawPeer, String before, Integer limit) {
        Address peer = Address.parse(rawPeer);
        int max = limit == null ? DEFAULT_PAGE : limit;
        if (max < 1 || max > MAX_PAGE) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_PAGE);
        }
        long beforeId = Long.MAX_VALUE;
        if (before != null && !before.isEmpty()) {
            beforeId = byServerId(before)
                    .filter(m -> involves(m, caller.address().toString()))
                    .map(Message::id)
                    .orElseThrow(() -> new UimException(ErrorCode.NOT_FOUND, "No such message: " + before));
        }
        // one direction at a time: each is a range of the (sender, recipient, id) index, where the "or" of both
        // directions made the database walk the whole table (docs/benchmarks.md)
        String me = caller.address().toString();
        List<Message> both = new ArrayList<>(direction(me, peer.toString(), beforeId, max));
        both.addAll(direction(peer.toString(), me, beforeId, max));
        both.sort(Comparator.comparing(Message::id).reversed());
        List<MessageView> page = new ArrayList<>(both.stream()
                .limit(max)
                .map(m -> new MessageView(
                        m.serverId(),
                        m.sender(),
                        m.recipient(),
                        m.body(),
                        m.sentAt(),
                        m.status().wire()))
                .toList());
        Collections.reverse(page);
        return page;
    }

    private List<Message> direction(String from, String to, long beforeId, int max) {
        return em.createNamedQuery(Message.CONVERSATION_BEFORE, Message.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("before", beforeId)
                .setMaxResults(max)
                .getResultList();
    }

    public void typing(Caller caller, String rawTo, String state) {
        Address to = Address.tryParse(rawTo);
        if (to == null || !("composing".equals(state) || "paused".equals(state))) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "typing needs to and state composing|paused");
        }
        boolean local = config.isLocal(to);
        caller.requireReach(local);
        String from = caller.address().toString();
        if (!contacts.isAccepted(from, to.toString())) {
            throw new UimException(ErrorCode.NOT_A_CONTACT, "Typing notices go only to accepted contacts");
        }
        if (local) {
            notifications.fire(new TypingPush(to.toString(), from, state));
        } else {
            ephemeral.send(
                    to.domain(),
                    EnvelopeType.TYPING,
                    JSON.createObjectBuilder()
                            .add("from", from)
                            .add("to", to.toString())
                            .add("state", state)
                            .build());
        }
    }

    // --- from other ISPs ---

    public void receiveRemote(String serverId, Address from, Address to, String clientId, String body, Instant sentAt) {
        if (byServerId(serverId).isPresent()) {
            return;
        }
        if (serverId.length() > 36
                || body.codePointCount(0, body.length()) > MessageRules.MAX_BODY
                || (clientId != null && clientId.length() > MessageRules.MAX_CLIENT_ID)) {
            LOG.warning(() -> "[" + config.domain() + "] dropped an oversized message from " + from);
            return;
        }
        if (!contacts.isAccepted(to.toString(), from.toString())) {
            LOG.warning(() -> "[" + config.domain() + "] dropped a message from non-contact " + from + " to " + to);
            return;
        }
        Message message = new Message(serverId, from.toString(), to.toString(), clientId, body, sentAt, true);
        em.persist(message);
        telemetry.message("remote_in");
        notifications.fire(push(message));
    }

    public void receiptRemote(String serverId, Address from, Address to, String status) {
        MessageStatus next = parseStatus(status);
        if (next == null || next == MessageStatus.ACCEPTED) {
            return;
        }
        byServerId(serverId)
                .filter(m -> m.sender().equals(to.toString()) && m.recipient().equals(from.toString()))
                .filter(m -> m.advance(next))
                .ifPresent(m -> notifications.fire(new StatusPush(m.sender(), m.serverId(), next.wire())));
    }

    public void typingRemote(Address from, Address to, String state) {
        if (("composing".equals(state) || "paused".equals(state))
                && contacts.isAccepted(to.toString(), from.toString())) {
            notifications.fire(new TypingPush(to.toString(), from.toString(), state));
        }
    }

    // --- helpers ---

    private void advance(String recipient, String serverId, MessageStatus next) {
        Optional<Message> found = byServerId(serverId).filter(m -> m.recipient().equals(recipient));
        if (found.isEmpty()) {
            if (next == MessageStatus.READ) {
                throw new UimException(ErrorCode.NOT_FOUND, "No such message: " + serverId);
            }
            return;
        }
        advance(found.get(), recipient, next);
    }

    private void advance(Message message, String recipient, MessageStatus next) {
        String serverId = message.serverId();
        message.delivered();
        if (!message.advance(next)) {
            return;
        }
        Address sender = Address.parse(message.sender());
        if (config.isLocal(sender)) {
            notifications.fire(new StatusPush(message.sender(), serverId, next.wire()));
        } else {
            federation.send(
                    sender.domain(),
                    EnvelopeType.RECEIPT,
                    JSON.createObjectBuilder()
                            .add("serverId", serverId)
                            .add("from", recipient)
                            .add("to", message.sender())
                            .add("status", next.wire())
                            .build());
        }
    }

    private static MessageStatus parseStatus(String wire) {
        try {
            return MessageStatus.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean involves(Message m, String address) {
        return m.sender().equals(address) || m.recipient().equals(address);
    }

    private Optional<Message> bySenderAndClientId(String sender, String clientId) {
        return em.createNamedQuery(Message.BY_SENDER_AND_CLIENT_ID, Message.class)
                .setParameter("sender", sender)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst();
    }

    private Optional<Message> byServerId(String serverId) {
        return em.createNamedQuery(Message.BY_SERVER_ID, Message.class)
                .setParameter("serverId", serverId)
                .getResultStream()
                .findFirst();
    }

    private static MessagePush push(Message m) {
        return new MessagePush(m.recipient(), m.serverId(), m.sender(), m.body(), m.sentAt());
    }
}

package im.universal.message.boundary;

import static im.universal.platform.JsonSupport.JSON;

import im.universal.contact.boundary.ContactService;
import im.universal.contact.control.ContactQueries;
import im.universal.federation.boundary.Addressed;
import im.universal.federation.boundary.EphemeralSender;
import im.universal.federation.boundary.FederationGateway;
import im.universal.federation.control.EnvelopeType;
import im.universal.message.control.MessageQueries;
import im.universal.message.control.MessageRules;
import im.universal.message.entity.Message;
import im.universal.message.entity.MessageStatus;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.Ids;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.platform.UimException;
import im.universal.push.entity.MessagePush;
import im.universal.push.entity.Notification;
import im.universal.push.entity.StatusPush;
import im.universal.push.entity.TypingPush;
import im.universal.session.control.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Messages: accepted only between accepted contacts, persisted before the ack, routed locally or to the
 * recipient's ISP, delivered once (offline ones at the next connection), with delivered/read receipts.
 */
@Stateless
public class MessageService {
    static final int PENDING_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(MessageService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    ContactService contacts;

    /**
     * By {@code @EJB}, not {@code @Inject}: the container's own reference, without Weld's proxy in front of it
     * (docs/benchmarks.md, findings 10 and 33).
     */
    @EJB
    FederationGateway federation;

    @Inject
    Telemetry telemetry;

    @Inject
    EphemeralSender ephemeral;

    @Inject
    Event<Notification> notifications;

    /**
     * Stores a batch of messages in the caller's transaction (one commit for all: the group commit of
     * {@link MessageWriter}). Each request is checked on its own: a refused one gets its error and does not affect
     * the others. A resend (same sender and client id, in an earlier batch or earlier in this one) is acknowledged
     * again with the stored server id and stored once. Local recipients' pushes are returned, not fired, so that
     * the writer queues every sender's ack before the recipients can see (and report) their messages.
     */
    public SendBatch sendAll(List<SendRequest> requests) {
        Map<String, MessageAck> acks = new HashMap<>(previouslyAccepted(requests));
        Set<Map.Entry<String, String>> accepted = ContactQueries.acceptedPairs(
                em,
                requests.stream().map(r -> r.caller().address().toString()).collect(Collectors.toSet()),
                requests.stream().map(SendRequest::to).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<SendResult> results = new ArrayList<>(requests.size());
        List<MessagePush> pushes = new ArrayList<>();
        List<Addressed> remote = new ArrayList<>();
        for (SendRequest request : requests) {
            try {
                results.add(SendResult.accepted(request, accept(request, acks, accepted, pushes, remote)));
            } catch (UimException refusal) {
                results.add(SendResult.refused(request, refusal));
            }
        }
        // the batch's messages for other ISPs, into the outbox in the order they were accepted
        toOutbox(EnvelopeType.MESSAGE, remote);
        return new SendBatch(results, pushes);
    }

    private MessageAck accept(
            SendRequest request,
            Map<String, MessageAck> acks,
            Set<Map.Entry<String, String>> accepted,
            List<MessagePush> pushes,
            List<Addressed> remote) {
        String clientId = MessageRules.clientId(request.clientId());
        String sender = request.caller().address().toString();
        MessageAck earlier = acks.get(resendKey(sender, clientId));
        if (earlier != null) {
            return new MessageAck(clientId, earlier.serverId(), MessageStatus.ACCEPTED.wire(), true);
        }
        Address to = Address.tryParse(request.to());
        if (to == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "to must be an address");
        }
        String body = MessageRules.body(request.body());
        boolean local = config.isLocal(to);
        request.caller().requireReach(local);
        if (!accepted.contains(Map.entry(sender, to.toString()))) {
            throw new UimException(ErrorCode.NOT_A_CONTACT, "Messages go only to accepted contacts");
        }
        Message message = new Message(Ids.newId(), sender, to.toString(), clientId, body, Instant.now(), local);
        em.persist(message);
        telemetry.message(local ? "local" : "remote_out");
        if (local) {
            pushes.add(push(message));
        } else {
            remote.add(new Addressed(
                    to.domain(),
                    JSON.createObjectBuilder()
                            .add("serverId", message.serverId())
                            .add("from", sender)
                            .add("to", message.recipient())
                            .add("clientId", clientId)
                            .add("body", body)
                            .add("sentAt", message.sentAt().toString())
                            .build()));
        }
        MessageAck ack = new MessageAck(clientId, message.serverId(), MessageStatus.ACCEPTED.wire(), false);
        acks.put(resendKey(sender, clientId), ack);
        return ack;
    }

    /**
     * Acks of the requests that resend an already stored message, by sender and client id: one query, by client id
     * (the first column of the unique key, so an index range per id; V5 migration), the senders checked here.
     */
    private Map<String, MessageAck> previouslyAccepted(List<SendRequest> requests) {
        Set<String> wanted = new HashSet<>();
        Set<String> clientIds = new HashSet<>();
        for (SendRequest r : requests) {
            if (r.clientId() != null
                    && !r.clientId().isEmpty()
                    && r.clientId().length() <= MessageRules.MAX_CLIENT_ID) {
                wanted.add(resendKey(r.caller().address().toString(), r.clientId()));
                clientIds.add(r.clientId());
            }
        }
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageAck> found = new HashMap<>();
        // columns, not entities: other senders' messages with the same client ids come back too, and are cheap
        InLists.forEachRow(em, Message.SENT_BY_CLIENT_IDS, clientIds, row -> {
            String key = resendKey((String) row[0], (String) row[1]);
            if (wanted.contains(key)) {
                found.put(key, new MessageAck((String) row[1], (String) row[2], MessageStatus.ACCEPTED.wire(), true));
            }
        });
        return found;
    }

    private static String resendKey(String sender, String clientId) {
        return sender + '\n' + clientId;
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

    /**
     * Of the messages named, those still pending for {@code recipient}: a starting connection reads them again
     * before writing a backlog page, which then leaves out what another connection's delivery recorded meanwhile.
     */
    public Set<String> stillPending(String recipient, Collection<String> serverIds) {
        Set<String> pending = new HashSet<>();
        InLists.forEachRow(em, Message.DELIVERY_STATE, serverIds, row -> {
            if (recipient.equals(row[2]) && Boolean.TRUE.equals(row[4])) {
                pending.add((String) row[0]);
            }
        });
        return pending;
    }

    /**
     * Message frames written to sockets of their recipients, in one transaction rather than one per message: the
     * messages' columns are read (not their entities: no body, no dirty check) and advanced with bulk updates, a
     * few statements for the whole batch. A delivery whose message does not belong to that recipient is ignored.
     * Returns the status pushes for local senders, for the caller to dispatch once the transaction has committed
     * (one per message, without a transaction synchronization for each); remote senders get their receipts through
     * the outbox, all of the batch's in one call.
     */
    public List<Notification> markDelivered(List<Delivery> deliveries) {
        Map<String, String> recipients = new HashMap<>();
        deliveries.forEach(d -> recipients.put(d.serverId(), d.recipient()));
        List<String> advanced = new ArrayList<>();
        List<String> unflagged = new ArrayList<>();
        List<Notification> pushes = new ArrayList<>();
        List<Addressed> receipts = new ArrayList<>();
        InLists.forEachRow(em, Message.DELIVERY_STATE, recipients.keySet(), row -> {
            String serverId = (String) row[0];
            String sender = (String) row[1];
            String recipient = (String) row[2];
            if (!recipient.equals(recipients.get(serverId))) {
                return;
            }
            if (row[3] == MessageStatus.ACCEPTED) {
                advanced.add(serverId);
                statusChanged(serverId, sender, recipient, MessageStatus.DELIVERED, pushes::add, receipts);
            } else if (Boolean.TRUE.equals(row[4])) {
                unflagged.add(serverId);
            }
        });
        for (List<String> chunk : InLists.chunks(advanced)) {
            String update = Message.MARK_DELIVERED + InLists.parameters("s", chunk.size());
            InLists.bind(em.createQuery(update), "s", chunk)
                    .setParameter("delivered", MessageStatus.DELIVERED)
                    .setParameter("accepted", MessageStatus.ACCEPTED)
                    .executeUpdate();
        }
        for (List<String> chunk : InLists.chunks(unflagged)) {
            String update = Message.CLEAR_PENDING + InLists.parameters("s", chunk.size());
            InLists.bind(em.createQuery(update), "s", chunk).executeUpdate();
        }
        toOutbox(EnvelopeType.RECEIPT, receipts);
        return pushes;
    }

    /** The recipient read the message. */
    public void markRead(Caller caller, String serverId) {
        advance(caller.address().toString(), MessageRules.serverId(serverId), MessageStatus.READ);
    }

    /** Receipt from the client for a message it received (delivered is also set by the server on write). */
    public void markDeliveredByClient(Caller caller, String serverId) {
        advance(caller.address().toString(), MessageRules.serverId(serverId), MessageStatus.DELIVERED);
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

    // --- helpers ---

    private void advance(String recipient, String serverId, MessageStatus next) {
        Optional<Message> found = MessageQueries.byServerId(em, serverId)
                .filter(m -> m.recipient().equals(recipient));
        if (found.isEmpty()) {
            if (next == MessageStatus.READ) {
                throw new UimException(ErrorCode.NOT_FOUND, "No such message: " + serverId);
            }
            return;
        }
        advance(found.get(), recipient, next, notifications::fire);
    }

    /** Advances the status of a loaded message and tells its sender ({@link #statusChanged}). */
    private void advance(Message message, String recipient, MessageStatus next, Consumer<Notification> pushes) {
        message.delivered();
        if (message.advance(next)) {
            List<Addressed> receipts = new ArrayList<>(1);
            statusChanged(message.serverId(), message.sender(), recipient, next, pushes, receipts);
            toOutbox(EnvelopeType.RECEIPT, receipts);
        }
    }

    /**
     * A message's status moved on: a local sender is pushed a status (to {@code pushes}), a remote one gets a receipt
     * (added to {@code receipts}, for the caller to hand to the outbox).
     */
    private void statusChanged(
            String serverId,
            String sender,
            String recipient,
            MessageStatus next,
            Consumer<Notification> pushes,
            List<Addressed> receipts) {
        Address from = Address.parse(sender);
        if (config.isLocal(from)) {
            pushes.accept(new StatusPush(sender, serverId, next.wire()));
        } else {
            receipts.add(new Addressed(
                    from.domain(),
                    JSON.createObjectBuilder()
                            .add("serverId", serverId)
                            .add("from", recipient)
                            .add("to", sender)
                            .add("status", next.wire())
                            .build()));
        }
    }

    /** Envelopes for other ISPs, in one call to the gateway; none (a batch of local messages only) costs no call. */
    private void toOutbox(EnvelopeType type, List<Addressed> envelopes) {
        if (!envelopes.isEmpty()) {
            federation.sendAll(type, envelopes);
        }
    }

    static MessagePush push(Message m) {
        return new MessagePush(m.recipient(), m.serverId(), m.sender(), m.body(), m.sentAt());
    }
}

package im.universal.message.boundary;

import im.universal.contact.control.ContactQueries;
import im.universal.message.control.MessageRules;
import im.universal.message.entity.Message;
import im.universal.message.entity.MessageStatus;
import im.universal.platform.Address;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.push.entity.Notification;
import im.universal.push.entity.StatusPush;
import im.universal.push.entity.TypingPush;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Messages, receipts and typing notices from other ISPs; messages and receipts applied a batch at a time inside the receiving transaction: a few queries
 * and bulk statements for the whole batch of a federation message, not a call and a query per envelope (finding
 * 16 of docs/benchmarks.md). The pushes for local users are returned, for the caller to deliver once the batch has
 * committed.
 */
@Stateless
public class InboundMessages {
    private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    Telemetry telemetry;

    @Inject
    Event<Notification> notifications;

    /**
     * Stores the messages, in order, for their local recipients. A message whose server id is already stored (a
     * copy sent again by its ISP, in an earlier batch or earlier in this one), one that is too large, and one from
     * a sender who is not an accepted contact of its recipient are dropped (the last two logged).
     */
    public List<Notification> receive(List<RemoteMessage> batch) {
        Set<String> stored = new HashSet<>();
        InLists.forEachRow(
                em,
                Message.STORED_SERVER_IDS,
                batch.stream().map(RemoteMessage::serverId).collect(Collectors.toSet()),
                row -> stored.add((String) row[0]));
        Set<Map.Entry<String, String>> accepted = ContactQueries.acceptedPairs(
                em,
                batch.stream().map(m -> m.to().toString()).collect(Collectors.toSet()),
                batch.stream().map(m -> m.from().toString()).collect(Collectors.toSet()));
        List<Notification> pushes = new ArrayList<>();
        for (RemoteMessage remote : batch) {
            if (!stored.add(remote.serverId())) {
                continue;
            }
            if (oversized(remote)) {
                LOG.warning(() -> "[" + config.domain() + "] dropped an oversized message from " + remote.from());
                continue;
            }
            if (!accepted.contains(
                    Map.entry(remote.to().toString(), remote.from().toString()))) {
                LOG.warning(() -> "[" + config.domain() + "] dropped a message from non-contact " + remote.from()
                        + " to " + remote.to());
                continue;
            }
            Message message = new Message(
                    remote.serverId(),
                    remote.from().toString(),
                    remote.to().toString(),
                    remote.clientId(),
                    remote.body(),
                    remote.sentAt(),
                    true);
            em.persist(message);
            telemetry.message("remote_in");
            pushes.add(MessageService.push(message));
        }
        return pushes;
    }

    /**
     * Advances the messages the receipts name: only messages a local user sent to the receipt's remote user, only
     * forward (a receipt that comes late changes nothing). One read of the messages' columns and one bulk update
     * per status reached; the senders get their status pushes.
     */
    public List<Notification> receipts(List<RemoteReceipt> batch) {
        Map<String, Wanted> furthest = new LinkedHashMap<>();
        for (RemoteReceipt receipt : batch) {
            MessageStatus next = parseStatus(receipt.status());
            if (next == null || next == MessageStatus.ACCEPTED) {
                continue;
            }
            furthest.merge(
                    receipt.serverId(),
                    new Wanted(receipt, next),
                    (a, b) -> b.next().isAfter(a.next()) ? b : a);
        }
        if (furthest.isEmpty()) {
            return List.of();
        }
        Map<MessageStatus, List<String>> reached = new EnumMap<>(MessageStatus.class);
        Map<String, Notification> pushes = new HashMap<>();
        InLists.forEachRow(em, Message.DELIVERY_STATE, furthest.keySet(), row -> {
            String serverId = (String) row[0];
            String sender = (String) row[1];
            Wanted wanted = furthest.get(serverId);
            RemoteReceipt receipt = wanted.receipt();
            MessageStatus next = wanted.next();
            if (sender.equals(receipt.to().toString())
                    && row[2].equals(receipt.from().toString())
                    && next.isAfter((MessageStatus) row[3])) {
                reached.computeIfAbsent(next, s -> new ArrayList<>()).add(serverId);
                pushes.put(serverId, new StatusPush(sender, serverId, next.wire()));
            }
        });
        reached.forEach((next, serverIds) -> {
            // guarded by the statuses before it: a receipt applied concurrently is never undone
            List<MessageStatus> before = Arrays.asList(MessageStatus.values()).subList(0, next.ordinal());
            String guarded = Message.ADVANCE_STATUS + InLists.parameters("b", before.size()) + " and m.serverId in ";
            for (List<String> chunk : InLists.chunks(serverIds)) {
                Query update = em.createQuery(guarded + InLists.parameters("s", chunk.size()));
                InLists.bind(InLists.bind(update, "b", before), "s", chunk)
                        .setParameter("next", next)
                        .executeUpdate();
            }
        });
        // in the order the receipts came
        return furthest.keySet().stream()
                .map(pushes::get)
                .filter(Objects::nonNull)
                .toList();
    }

    /** A typing notice from a remote contact, pushed at once (typing notices are not stored). */
    public void typing(Address from, Address to, String state) {
        if (("composing".equals(state) || "paused".equals(state))
                && ContactQueries.isAccepted(em, to.toString(), from.toString())) {
            notifications.fire(new TypingPush(to.toString(), from.toString(), state));
        }
    }

    /** A receipt and the status it asks for. */
    private record Wanted(RemoteReceipt receipt, MessageStatus next) {}

    private static boolean oversized(RemoteMessage m) {
        return m.serverId().length() > 36
                || m.body().codePointCount(0, m.body().length()) > MessageRules.MAX_BODY
                || (m.clientId() != null && m.clientId().length() > MessageRules.MAX_CLIENT_ID);
    }

    private static MessageStatus parseStatus(String wire) {
        try {
            return MessageStatus.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

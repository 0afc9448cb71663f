package im.universal.message.boundary;

import im.universal.message.control.MessageQueries;
import im.universal.message.entity.Message;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import im.universal.session.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** A conversation's stored messages, a page at a time, newest page first (docs/protocol.md, history). */
@Stateless
public class MessageHistory {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /** The page of the caller's conversation with {@code rawPeer} before message {@code before}, oldest first. */
    public List<MessageView> page(Caller caller, String rawPeer, String before, Integer limit) {
        Address peer = Address.parse(rawPeer);
        int max = limit == null ? DEFAULT_PAGE : limit;
        if (max < 1 || max > MAX_PAGE) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_PAGE);
        }
        String me = caller.address().toString();
        long beforeId = Long.MAX_VALUE;
        if (before != null && !before.isEmpty()) {
            beforeId = MessageQueries.byServerId(em, before)
                    .filter(m -> m.sender().equals(me) || m.recipient().equals(me))
                    .map(Message::id)
                    .orElseThrow(() -> new UimException(ErrorCode.NOT_FOUND, "No such message: " + before));
        }
        // one direction at a time: each is a range of the (sender, recipient, id desc) index, read newest first
        // for a page (docs/benchmarks.md, findings 3 and 34)
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
}

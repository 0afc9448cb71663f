package im.universal.message.control;

import im.universal.message.entity.Message;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Lookups of messages shared by the message boundaries. */
public final class MessageQueries {
    private MessageQueries() {}

    public static Optional<Message> byServerId(EntityManager em, String serverId) {
        return em
                .createNamedQuery(Message.BY_SERVER_ID, Message.class)
                .setParameter("serverId", serverId)
                .getResultList()
                .stream()
                .findFirst();
    }
}

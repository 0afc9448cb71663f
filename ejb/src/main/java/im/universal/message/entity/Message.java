package im.universal.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message as this ISP knows it. A local conversation has one row; a cross-ISP message has a row on each side,
 * sharing the {@code serverId} minted by the sender's ISP.
 */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.BY_SERVER_ID, query = "select m from Message m where m.serverId = :serverId")
@NamedQuery(
        name = Message.PENDING_FOR,
        query = "select m from Message m where m.recipient = :recipient and m.pendingDelivery = true"
                + " order by m.sentAt, m.id")
@NamedQuery(
        name = Message.CONVERSATION_BEFORE,
        query = "select m from Message m where m.sender = :from and m.recipient = :to and m.id < :before"
                // the index's columns and directions, so that H2 reads a page of the index, not the pair's every
                // row (schema V8; the first two are fixed by the condition, so the order is by id alone)
                + " order by m.sender, m.recipient, m.id desc")
public class Message {
    public static final String BY_SERVER_ID = "Message.byServerId";
    /** Batch queries, each completed by an {@code InLists} parameter list. */
    public static final String SENT_BY_CLIENT_IDS =
            "select m.sender, m.clientId, m.serverId from Message m where m.clientId in ";

    public static final String DELIVERY_STATE =
            "select m.serverId, m.sender, m.recipient, m.status, m.pendingDelivery from Message m where m.serverId in ";
    public static final String MARK_DELIVERED = "update Message m set m.status = :delivered, m.pendingDelivery = false"
            + " where m.status = :accepted and m.serverId in ";
    /** The server ids among a list that are stored already (the id column only makes rows of two columns). */
    public static final String STORED_SERVER_IDS = "select m.serverId, m.id from Message m where m.serverId in ";
    /** Completed by the statuses the new one follows, then {@code and m.serverId in} and the ids. */
    public static final String ADVANCE_STATUS = "update Message m set m.status = :next where m.status in ";

    public static final String CLEAR_PENDING =
            "update Message m set m.pendingDelivery = false where m.pendingDelivery = true and m.serverId in ";
    public static final String PENDING_FOR = "Message.pendingFor";
    public static final String CONVERSATION_BEFORE = "Message.conversationBefore";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "server_id", nullable = false, length = 36)
    private String serverId;

    @Column(nullable = false, length = 320)
    private String sender;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(name = "client_id", length = 128)
    private String clientId;

    @Column(nullable = false, length = 8192)
    private String body;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MessageStatus status;

    @Column(name = "pending_delivery", nullable = false)
    private boolean pendingDelivery;

    protected Message() {}

    public Message(
            String serverId,
            String sender,
            String recipient,
            String clientId,
            String body,
            Instant sentAt,
            boolean pendingDelivery) {
        this.serverId = serverId;
        this.sender = sender;
        this.recipient = recipient;
        this.clientId = clientId;
        this.body = body;
        this.sentAt = sentAt;
        this.status = MessageStatus.ACCEPTED;
        this.pendingDelivery = pendingDelivery;
    }

    /** Moves the status forward; returns false when it was already there or beyond. */
    public boolean advance(MessageStatus next) {
        if (!next.isAfter(status)) {
            return false;
        }
        status = next;
        return true;
    }

    public void delivered() {
        pendingDelivery = false;
    }

    public Long id() {
        return id;
    }

    public String serverId() {
        return serverId;
    }

    public String sender() {
        return sender;
    }

    public String recipient() {
        return recipient;
    }

    public String clientId() {
        return clientId;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public MessageStatus status() {
        return status;
    }

    public boolean pendingDelivery() {
        return pendingDelivery;
    }
}

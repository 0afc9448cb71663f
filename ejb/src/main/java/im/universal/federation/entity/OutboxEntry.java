package im.universal.federation.entity;

import im.universal.federation.control.Outgoing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An envelope on its way to the broker: written in the transaction of the change it reports, deleted once the
 * broker has taken it (docs/adr/003).
 */
@Entity
@Table(name = "outbox")
@NamedQuery(name = OutboxEntry.OLDEST_FIRST, query = "select o from OutboxEntry o order by o.id")
@NamedQuery(
        name = OutboxEntry.OLDEST_FIRST_EXCEPT,
        query = "select o from OutboxEntry o where o.destination not in :skipped order by o.id")
@NamedQuery(name = OutboxEntry.DELETE_IDS, query = "delete from OutboxEntry o where o.id in :ids")
@NamedQuery(name = OutboxEntry.COUNT, query = "select count(o) from OutboxEntry o")
public class OutboxEntry implements Outgoing {
    public static final String OLDEST_FIRST = "OutboxEntry.oldestFirst";
    public static final String OLDEST_FIRST_EXCEPT = "OutboxEntry.oldestFirstExcept";
    public static final String DELETE_IDS = "OutboxEntry.deleteIds";
    public static final String COUNT = "OutboxEntry.count";

    /** Destinations are written {@code topic:<address>} or {@code queue:<address>}. */
    public static final String TOPIC = "topic:";

    public static final String QUEUE = "queue:";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 300)
    private String destination;

    @Column(nullable = false, length = 64)
    private String type;

    /** The envelope's ordering lane (docs/federation.md, "Order"). */
    @Column(nullable = false)
    private int lane;

    @Column(nullable = false, length = 1_000_000)
    private String envelope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxEntry() {}

    public OutboxEntry(String destination, String type, int lane, String envelope) {
        this.destination = destination;
        this.type = type;
        this.lane = lane;
        this.envelope = envelope;
        this.createdAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String destination() {
        return destination;
    }

    @Override
    public int lane() {
        return lane;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String envelope() {
        return envelope;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

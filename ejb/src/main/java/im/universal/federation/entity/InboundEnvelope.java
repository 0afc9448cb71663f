package im.universal.federation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An envelope already applied: a redelivered copy with the same id changes nothing. */
@Entity
@Table(name = "inbound_envelope")
public class InboundEnvelope {
    /** Which of a list of envelope ids are applied already (two columns, so that rows are arrays). */
    public static final String APPLIED_IDS = "select e.id, e.type from InboundEnvelope e where e.id in ";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 253)
    private String origin;

    @Column(nullable = false, length = 64)
    private String type;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected InboundEnvelope() {}

    public InboundEnvelope(String id, String origin, String type) {
        this.id = id;
        this.origin = origin;
        this.type = type;
        this.receivedAt = Instant.now();
    }
}

package im.universal.federation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain the operator blocked: its envelopes are dropped and counted. */
@Entity
@Table(name = "blocked_domain")
public class BlockedDomain {
    @Id
    @Column(length = 253)
    private String domain;

    @Column(length = 200)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BlockedDomain() {}

    public BlockedDomain(String domain, String reason) {
        this.domain = domain;
        this.reason = reason;
        this.createdAt = Instant.now();
    }

    public String domain() {
        return domain;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

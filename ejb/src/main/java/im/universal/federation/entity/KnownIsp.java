package im.universal.federation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Another ISP of the federation, as far as this one has heard from it. */
@Entity
@Table(name = "isp")
public class KnownIsp {
    @Id
    @Column(length = 253)
    private String domain;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected KnownIsp() {}

    public KnownIsp(String domain, Instant seen) {
        this.domain = domain;
        this.firstSeen = seen;
        this.lastSeen = seen;
    }

    public String domain() {
        return domain;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void seen(Instant when) {
        if (when.isAfter(lastSeen)) {
            lastSeen = when;
        }
    }
}

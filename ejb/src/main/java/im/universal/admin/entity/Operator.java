package im.universal.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator of this ISP: may use the admin console. */
@Entity
@Table(name = "admin_operator")
public class Operator {
    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login")
    private Instant lastLogin;

    protected Operator() {}

    public Operator(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public Instant lastLogin() {
        return lastLogin;
    }

    public void loggedIn(Instant when) {
        this.lastLogin = when;
    }
}

package im.universal.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user of this ISP. The address is normalised once, here, at registration. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_LOCAL_PART, query = "select a from Account a where a.localPart = :localPart")
public class Account {
    public static final String BY_LOCAL_PART = "Account.byLocalPart";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    @Column(name = "local_part", nullable = false, length = 64)
    private String localPart;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean listed;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen")
    private Instant lastSeen;

    protected Account() {}

    public Account(String localPart, String domain, String displayName, String passwordHash, boolean listed) {
        this.localPart = localPart;
        this.address = localPart + "@" + domain;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.listed = listed;
        this.createdAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String localPart() {
        return localPart;
    }

    public String address() {
        return address;
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String name) {
        this.displayName = name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public boolean listed() {
        return listed;
    }

    public void listed(boolean value) {
        this.listed = value;
    }

    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean value) {
        this.disabled = value;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public void lastSeen(Instant when) {
        this.lastSeen = when;
    }
}

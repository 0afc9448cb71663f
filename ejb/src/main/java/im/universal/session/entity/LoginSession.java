package im.universal.session.entity;

import im.universal.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One login: the device, the mode, the hashed token and its lifetime. */
@Entity
@Table(name = "login_session")
@NamedQuery(
        name = LoginSession.BY_TOKEN_HASH,
        query = "select s from LoginSession s join fetch s.account where s.tokenHash = :hash")
public class LoginSession {
    public static final String BY_TOKEN_HASH = "LoginSession.byTokenHash";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_session_seq")
    @SequenceGenerator(name = "login_session_seq", sequenceName = "login_session_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(length = 100)
    private String device;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Mode mode;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected LoginSession() {}

    public LoginSession(
            Account account, String tokenHash, String device, Mode mode, String remoteAddress, Instant expiresAt) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.device = device;
        this.mode = mode;
        this.remoteAddress = remoteAddress;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public boolean isLive(Instant now) {
        return endedAt == null && now.isBefore(expiresAt) && !account.disabled();
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String device() {
        return device;
    }

    public Mode mode() {
        return mode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

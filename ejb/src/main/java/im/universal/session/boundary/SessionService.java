package im.universal.session.boundary;

import im.universal.account.boundary.AccountService;
import im.universal.account.control.PasswordHasher;
import im.universal.account.entity.Account;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.platform.UimException;
import im.universal.push.control.ConnectionRegistry;
import im.universal.session.control.Caller;
import im.universal.session.control.LoginThrottle;
import im.universal.session.control.Tokens;
import im.universal.session.entity.LoginSession;
import im.universal.session.entity.Mode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/** Login, token authentication and logout. One {@link LoginSession} row per login. */
@Stateless
public class SessionService {
    /** A hash of a random password, verified when the account does not exist, so timing does not tell. */
    private static volatile String decoyHash;

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    AccountService accounts;

    @Inject
    ConnectionRegistry connections;

    @Inject
    Telemetry telemetry;

    @Inject
    LoginThrottle throttle;

    public LoginResult login(String username, String password, String modeWire, String device, String remote) {
        Mode mode = Mode.fromWire(modeWire);
        if (mode == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "mode must be universal or proprietary");
        }
        if (username == null || password == null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "username and password are required");
        }
        if (device != null && device.length() > 100) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "device name too long");
        }
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
        Optional<String> local = localPartOf(username);
        String throttleKey = local.orElse(username.strip());
        throttle.check(throttleKey, remote);
        Optional<Account> found = local.flatMap(accounts::findByLocalPart);
        if (found.isEmpty()) {
            hasher.verify(password, decoy(hasher));
            throttle.failed(throttleKey, remote);
            throw invalidCredentials();
        }
        Account account = found.get();
        if (!hasher.verify(password, account.passwordHash())) {
            throttle.failed(throttleKey, remote);
            throw invalidCredentials();
        }
        if (account.disabled()) {
            throw new UimException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        if (hasher.needsRehash(account.passwordHash())) {
            account.passwordHash(hasher.hash(password));
        }
        String token = Tokens.newToken();
        Instant expires = Instant.now().plus(config.sessionTtl());
        em.persist(new LoginSession(account, Tokens.hash(token), device, mode, remote, expires));
        telemetry.login();
        return new LoginResult(token, account.address(), mode.wire(), expires);
    }

    /** The caller behind a bearer token, or {@code unauthorized}. */
    public Caller authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw unauthorized();
        }
        LoginSession session = em
                .createNamedQuery(LoginSession.BY_TOKEN_HASH, LoginSession.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultList()
                .stream()
                .findFirst()
                .filter(s -> s.isLive(Instant.now()))
                .orElseThrow(SessionService::unauthorized);
        Account account = session.account();
        return new Caller(
                session.id(), account.id(), Address.parse(account.address()), session.mode(), session.device());
    }

    /** Ends the login session: the token dies and every connection of this session is closed. */
    public void logout(Caller caller) {
        LoginSession session = em.find(LoginSession.class, caller.sessionId());
        if (session != null) {
            session.end(Instant.now());
        }
        connections.connections(caller.address().toString()).stream()
                .filter(c -> c.caller().sessionId() == caller.sessionId())
                .forEach(c -> c.close("logged out"));
    }

    private Optional<String> localPartOf(String username) {
        String raw = username.strip();
        int at = raw.indexOf('@');
        if (at >= 0) {
            Address address = Address.tryParse(raw);
            return address != null && config.isLocal(address) ? Optional.of(address.local()) : Optional.empty();
        }
        return Optional.ofNullable(Address.normaliseLocal(raw));
    }

    private static String decoy(PasswordHasher hasher) {
        if (decoyHash == null) {
            decoyHash = hasher.hash(Tokens.newToken());
        }
        return decoyHash;
    }

    private static UimException invalidCredentials() {
        return new UimException(ErrorCode.INVALID_CREDENTIALS, "Wrong username or password");
    }

    static UimException unauthorized() {
        return new UimException(ErrorCode.UNAUTHORIZED, "Missing, expired or revoked token");
    }
}

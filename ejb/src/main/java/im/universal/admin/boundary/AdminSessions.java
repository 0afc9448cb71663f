package im.universal.admin.boundary;

import im.universal.admin.boundary.Views.SessionSummary;
import im.universal.admin.control.AuditLog;
import im.universal.admin.control.Disconnect;
import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import im.universal.push.control.ConnectionRegistry;
import im.universal.session.entity.LoginSession;
import im.universal.session.entity.Mode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Live login sessions (device, address, mode, start, remote IP) and kicking one. */
@Stateless
public class AdminSessions {
    public static final int MAX_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    ConnectionRegistry connections;

    @Inject
    AuditLog audit;

    @Inject
    Event<Disconnect> disconnects;

    /** Sessions not ended and not expired, newest first; {@code q} filters on the address. */
    public List<SessionSummary> live(String q, int limit) {
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em
                .createQuery(
                        "select s.id, a.address, s.device, s.mode, s.createdAt, s.expiresAt, s.remoteAddress"
                                + " from LoginSession s join s.account a"
                                + " where s.endedAt is null and s.expiresAt > :now and a.disabled = false"
                                + " and lower(a.address) like :p escape '\\' order by s.createdAt desc",
                        Object[].class)
                .setParameter("now", Instant.now())
                .setParameter("p", pattern)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .getResultList()
                .stream()
                .map(this::summary)
                .toList();
    }

    /** Ends the login session (its token dies) and closes its connections with 1008 after commit. */
    public void kick(String actor, long id) {
        LoginSession session = em.find(LoginSession.class, id);
        if (session == null || !session.isLive(Instant.now())) {
            throw new UimException(ErrorCode.NOT_FOUND, "No live session " + id);
        }
        String address = session.account().address();
        session.end(Instant.now());
        audit.record(actor, "session.kick", address, "session " + id + " (" + session.device() + ")");
        disconnects.fire(new Disconnect(address, id, Disconnect.POLICY_VIOLATION, "session ended by an operator"));
    }

    private SessionSummary summary(Object[] row) {
        long id = (Long) row[0];
        String address = (String) row[1];
        boolean connected = connections.connections(address).stream()
                .anyMatch(c -> c.caller().sessionId() == id);
        return new SessionSummary(
                id,
                address,
                (String) row[2],
                ((Mode) row[3]).wire(),
                (Instant) row[4],
                (Instant) row[5],
                (String) row[6],
                connected);
    }
}

package im.universal.session.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes login sessions that can no longer authenticate: expired, or ended by a logout or an operator, before a
 * cut-off. A live session is never touched; the admin console lists live sessions only, so nothing it shows goes.
 */
@Stateless
public class SessionRetention {
    @PersistenceContext
    EntityManager em;

    /**
     * Deletes at most {@code limit} sessions that expired or ended before {@code cutoff}, oldest first, in the
     * caller's transaction; answers how many it deleted (fewer than {@code limit}: none are left).
     */
    public int prune(Instant cutoff, int limit) {
        List<Long> ids = new ArrayList<>(idsBefore("s.expiresAt < :cutoff", "s.expiresAt", cutoff, limit));
        if (ids.size() < limit) {
            // disjoint from the first: ended before the cut-off, expiring after it
            ids.addAll(idsBefore(
                    "s.endedAt < :cutoff and s.expiresAt >= :cutoff", "s.endedAt", cutoff, limit - ids.size()));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from LoginSession s where s.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private List<Long> idsBefore(String condition, String order, Instant cutoff, int limit) {
        return em.createQuery("select s.id from LoginSession s where " + condition + " order by " + order, Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }
}

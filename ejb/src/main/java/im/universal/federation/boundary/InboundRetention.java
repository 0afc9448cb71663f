package im.universal.federation.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the ids of applied inbound envelopes received before a cut-off. An id only has to outlive the
 * redeliveries of its envelope: the broker's, and the sending ISP's outbox relay resending after a crash, both of
 * which come within minutes or, after an outage, days; the retention period (30 days by default) is far longer.
 */
@Stateless
public class InboundRetention {
    @PersistenceContext
    EntityManager em;

    /**
     * Deletes at most {@code limit} envelope ids received before {@code cutoff}, in the caller's transaction;
     * answers how many it deleted (fewer than {@code limit}: none are left).
     */
    public int prune(Instant cutoff, int limit) {
        List<String> ids = em.createQuery(
                        "select e.id from InboundEnvelope e where e.receivedAt < :cutoff order by e.receivedAt",
                        String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from InboundEnvelope e where e.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}

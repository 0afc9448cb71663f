package im.universal.federation.boundary;

import im.universal.federation.entity.OutboxEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** The outbox table, each call in a transaction of its own (the relay runs outside any). */
@Stateless
public class OutboxStore {

    @PersistenceContext
    EntityManager em;

    /** The oldest envelopes waiting for the broker, at most {@code max}, except those for {@code skipped}. */
    public List<OutboxEntry> oldest(int max, Collection<String> skipped) {
        if (skipped.isEmpty()) {
            return em.createNamedQuery(OutboxEntry.OLDEST_FIRST, OutboxEntry.class)
                    .setMaxResults(max)
                    .getResultList();
        }
        return em.createNamedQuery(OutboxEntry.OLDEST_FIRST_EXCEPT, OutboxEntry.class)
                .setParameter("skipped", skipped)
                .setMaxResults(max)
                .getResultList();
    }

    /** Forgets envelopes the broker has taken. */
    public void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            em.createNamedQuery(OutboxEntry.DELETE_IDS).setParameter("ids", ids).executeUpdate();
        }
    }

    /** How many envelopes wait for the broker. */
    public long pending() {
        return em.createNamedQuery(OutboxEntry.COUNT, Long.class).getSingleResult();
    }
}

package im.universal.federation.control;

import im.universal.federation.entity.KnownIsp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ISPs of the federation this one knows: those it has received a verified envelope from. Routing to a domain
 * nobody has heard of is refused up front ({@code unknown_user}) instead of failing at commit on the broker.
 * The last-seen time is written through at most once a minute per ISP.
 */
@ApplicationScoped
public class KnownIsps {
    static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Instant> persistedAt = new ConcurrentHashMap<>();

    /** Records a verified envelope from {@code domain}; call inside the receiving transaction. */
    public void seen(String domain) {
        Instant now = Instant.now();
        Instant last = persistedAt.get(domain);
        if (last != null && last.plus(WRITE_EVERY).isAfter(now)) {
            return;
        }
        KnownIsp isp = em.find(KnownIsp.class, domain);
        if (isp == null) {
            em.persist(new KnownIsp(domain, now));
        } else {
            isp.seen(now);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    persistedAt.put(domain, now);
                }
            }
        });
    }

    public boolean isKnown(String domain) {
        return persistedAt.containsKey(domain) || em.find(KnownIsp.class, domain) != null;
    }
}

package im.universal.federation.control;

import im.universal.federation.entity.BlockedDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The blocked domains, cached for the inbound hot path and re-read from the database at most every 30 s (another
 * instance of the same ISP may have changed it), at once after a change on this instance.
 */
@ApplicationScoped
public class BlockList {
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    @PersistenceContext
    EntityManager em;

    private volatile Set<String> domains;
    private volatile long loadedAt;

    public boolean isBlocked(String domain) {
        Set<String> current = domains;
        if (current == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            current = reload();
        }
        return current.contains(domain);
    }

    public void invalidate() {
        domains = null;
    }

    private Set<String> reload() {
        Set<String> fresh =
                em.createQuery("select b from BlockedDomain b", BlockedDomain.class).getResultList().stream()
                        .map(BlockedDomain::domain)
                        .collect(Collectors.toUnmodifiableSet());
        domains = fresh;
        loadedAt = System.nanoTime();
        return fresh;
    }
}

package im.universal.admin.boundary;

import im.universal.admin.boundary.Views.DomainCount;
import im.universal.admin.boundary.Views.Overview;
import im.universal.platform.IspConfig;
import im.universal.push.control.ConnectionRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The console's first page: accounts, who is online on how many devices, message rate, directory per ISP. */
@Stateless
public class AdminOverview {
    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    ConnectionRegistry connections;

    @Inject
    AdminFederation federation;

    public Overview overview() {
        Instant now = Instant.now();
        long accounts = count("select count(a) from Account a");
        long disabled = count("select count(a) from Account a where a.disabled = true");
        List<String> liveAddresses = em.createQuery(
                        "select distinct a.address from LoginSession s join s.account a"
                                + " where s.endedAt is null and s.expiresAt > :now",
                        String.class)
                .setParameter("now", now)
                .getResultList();
        long liveSessions = em.createQuery(
                        "select count(s) from LoginSession s where s.endedAt is null and s.expiresAt > :now",
                        Long.class)
                .setParameter("now", now)
                .getSingleResult();
        long online = liveAddresses.stream().filter(connections::isOnline).count();
        long lastMinute = messagesSince(now.minus(Duration.ofMinutes(1)));
        long lastHour = messagesSince(now.minus(Duration.ofHours(1)));
        List<DomainCount> directory = federation.directoryCounts().entrySet().stream()
                .map(e -> new DomainCount(e.getKey(), e.getValue()))
                .toList();
        return new Overview(
                config.domain(),
                accounts,
                disabled,
                liveSessions,
                online,
                connections.connectionCount(),
                lastMinute,
                Math.round(lastHour / 60.0 * 10) / 10.0,
                directory);
    }

    private long messagesSince(Instant since) {
        return em.createQuery("select count(m) from Message m where m.sentAt >= :since", Long.class)
                .setParameter("since", since)
                .getSingleResult();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}

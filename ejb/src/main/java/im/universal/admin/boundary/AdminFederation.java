package im.universal.admin.boundary;

import im.universal.admin.boundary.Views.BlockedView;
import im.universal.admin.boundary.Views.FederationReport;
import im.universal.admin.boundary.Views.IspView;
import im.universal.admin.control.AuditLog;
import im.universal.admin.control.DomainName;
import im.universal.federation.boundary.OutboxStore;
import im.universal.federation.control.BlockList;
import im.universal.federation.control.FederationStats;
import im.universal.federation.entity.BlockedDomain;
import im.universal.federation.entity.KnownIsp;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.UimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The federation as an operator sees it, and the editable block list. */
@Stateless
public class AdminFederation {
    static final String BACKLOG_NOTE = "Not available: an ISP's broker user may consume only its own inbox (whose"
            + " backlog its MDBs drain at once); other ISPs' inbox depths need the broker's management API with a"
            + " broker administrator, which ISPs do not hold. Use the broker's console or metrics for them.";

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    FederationStats stats;

    @Inject
    BlockList blockList;

    @Inject
    AuditLog audit;

    @Inject
    OutboxStore outbox;

    public FederationReport report() {
        Map<String, Long> entries = directoryCounts();
        List<BlockedView> blocked = blocked();
        Set<String> blockedDomains = blocked.stream().map(BlockedView::domain).collect(Collectors.toSet());
        List<IspView> isps = new ArrayList<>();
        String own = config.domain();
        isps.add(new IspView(own, true, null, null, entries.getOrDefault(own, 0L), false));
        List<KnownIsp> known = em.createQuery("select i from KnownIsp i order by i.domain", KnownIsp.class)
                .getResultList();
        Set<String> listed = new java.util.HashSet<>(Set.of(own));
        for (KnownIsp isp : known) {
            listed.add(isp.domain());
            isps.add(new IspView(
                    isp.domain(),
                    false,
                    isp.firstSeen(),
                    isp.lastSeen(),
                    entries.getOrDefault(isp.domain(), 0L),
                    blockedDomains.contains(isp.domain())));
        }
        entries.forEach((domain, count) -> {
            if (!listed.contains(domain)) {
                isps.add(new IspView(domain, false, null, null, count, blockedDomains.contains(domain)));
            }
        });
        return new FederationReport(
                own,
                isps,
                stats.acceptedByType(),
                stats.rejectedByReason(),
                stats.duplicates(),
                outbox.pending(),
                blocked,
                null,
                BACKLOG_NOTE);
    }

    public Map<String, Long> directoryCounts() {
        Map<String, Long> counts = new TreeMap<>();
        em
                .createQuery("select d.domain, count(d) from DirectoryEntry d group by d.domain", Object[].class)
                .getResultList()
                .stream()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    public List<BlockedView> blocked() {
        return em
                .createQuery("select b from BlockedDomain b order by b.domain", BlockedDomain.class)
                .getResultList()
                .stream()
                .map(b -> new BlockedView(b.domain(), b.reason(), b.createdAt()))
                .toList();
    }

    public BlockedView block(String actor, String rawDomain, String reason) {
        String domain = DomainName.normalise(rawDomain);
        if (domain.equals(config.domain())) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "An ISP cannot block its own domain");
        }
        if (reason != null && reason.length() > 200) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "reason too long (200 characters at most)");
        }
        if (em.find(BlockedDomain.class, domain) != null) {
            throw new UimException(ErrorCode.INVALID_REQUEST, domain + " is already blocked");
        }
        BlockedDomain row = new BlockedDomain(domain, reason == null || reason.isBlank() ? null : reason.strip());
        em.persist(row);
        em.flush();
        blockList.invalidate();
        audit.record(actor, "federation.block", domain, row.reason());
        return new BlockedView(row.domain(), row.reason(), row.createdAt());
    }

    public void unblock(String actor, String rawDomain) {
        String domain = DomainName.normalise(rawDomain);
        BlockedDomain row = em.find(BlockedDomain.class, domain);
        if (row == null) {
            throw new UimException(ErrorCode.NOT_FOUND, domain + " is not blocked");
        }
        em.remove(row);
        em.flush();
        blockList.invalidate();
        audit.record(actor, "federation.unblock", domain, null);
    }
}

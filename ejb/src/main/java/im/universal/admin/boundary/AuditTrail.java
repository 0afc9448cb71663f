package im.universal.admin.boundary;

import im.universal.admin.boundary.Views.AuditView;
import im.universal.admin.entity.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit log as the console shows it: newest first. */
@Stateless
public class AuditTrail {
    @PersistenceContext
    EntityManager em;

    public List<AuditView> recent(int limit) {
        return em
                .createQuery("select a from AuditEntry a order by a.occurredAt desc, a.id desc", AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList()
                .stream()
                .map(a -> new AuditView(a.id(), a.occurredAt(), a.actor(), a.action(), a.target(), a.detail()))
                .toList();
    }
}

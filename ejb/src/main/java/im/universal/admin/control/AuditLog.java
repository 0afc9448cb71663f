package im.universal.admin.control;

import im.universal.admin.entity.AuditEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes an audit row in the transaction of the change it reports: no change without its row, and vice versa. */
@Dependent
public class AuditLog {
    static final int MAX_DETAIL = 1000;

    @PersistenceContext
    EntityManager em;

    public void record(String actor, String action, String target, String detail) {
        em.persist(new AuditEntry(clip(actor, 64), action, clip(target, 320), clip(detail, MAX_DETAIL)));
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

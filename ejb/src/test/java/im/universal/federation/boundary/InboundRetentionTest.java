package im.universal.federation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which applied inbound envelope ids the housekeeping deletes, on the real schema. */
class InboundRetentionTest {
    private static final Instant NOW = Instant.now();
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    private TestDatabase db;

    @BeforeEach
    void open() {
        db = new TestDatabase("inbound-retention");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void deletesIdsReceivedBeforeTheCutoffInBatchesAndKeepsNewerOnes() throws Exception {
        envelope("old-1", 45);
        envelope("old-2", 31);
        envelope("old-3", 90);
        envelope("recent", 29);
        envelope("today", 0);

        assertEquals(2, prune(2));
        assertEquals(1, prune(2));
        assertEquals(0, prune(2));
        assertEquals(List.of("recent", "today"), db.column("select id from inbound_envelope order by id"));
    }

    @Test
    void theOldestGoFirst() throws Exception {
        envelope("b-older", 50);
        envelope("a-newer", 40);

        assertEquals(1, prune(1));
        assertEquals(List.of("a-newer"), db.column("select id from inbound_envelope"));
    }

    private int prune(int limit) {
        Integer deleted = db.inTransaction(em -> retention(em).prune(CUTOFF, limit));
        return deleted;
    }

    private static InboundRetention retention(EntityManager em) {
        InboundRetention retention = new InboundRetention();
        retention.em = em;
        return retention;
    }

    private void envelope(String id, int daysAgo) throws Exception {
        db.execute("insert into inbound_envelope (id, origin, type, received_at) values ('" + id
                + "', 'beta.test', 'presence', timestamp with time zone '" + NOW.minus(Duration.ofDays(daysAgo))
                + "')");
    }
}

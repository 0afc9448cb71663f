package im.universal.session.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.platform.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which login sessions the housekeeping deletes, on the real schema. */
class SessionRetentionTest {
    private static final Instant NOW = Instant.now();
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

    private TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = new TestDatabase("session-retention");
        db.execute("insert into account (id, local_part, address, display_name, password_hash, listed, disabled,"
                + " created_at) values (1, 'ann', 'ann@alpha.test', 'Ann', 'x', true, false, current_timestamp)");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void deletesSessionsExpiredOrEndedBeforeTheCutoffAndKeepsTheRest() throws Exception {
        session(1, NOW.plus(Duration.ofDays(5)), null); // live
        session(2, NOW.minus(Duration.ofDays(40)), null); // expired long ago
        session(3, NOW.plus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(31))); // logged out long ago
        session(4, NOW.minus(Duration.ofDays(10)), null); // expired recently
        session(5, NOW.plus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(2))); // logged out recently
        session(6, NOW.minus(Duration.ofDays(35)), NOW.minus(Duration.ofDays(36))); // both, long ago

        int deleted = prune(500);

        assertEquals(3, deleted);
        assertEquals(List.of("1", "4", "5"), db.column("select id from login_session order by id"));
    }

    @Test
    void deletesAtMostABatchAndThenTheRest() throws Exception {
        for (int id = 1; id <= 3; id++) {
            session(id, NOW.minus(Duration.ofDays(40 + id)), null);
        }
        for (int id = 4; id <= 5; id++) {
            session(id, NOW.plus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(40 + id)));
        }
        session(6, NOW.plus(Duration.ofDays(1)), null);

        assertEquals(2, prune(2));
        assertEquals(2, prune(2));
        assertEquals(1, prune(2));
        assertEquals(0, prune(2));
        assertEquals(List.of("6"), db.column("select id from login_session"));
    }

    private int prune(int limit) {
        Integer deleted = db.inTransaction(em -> retention(em).prune(CUTOFF, limit));
        return deleted;
    }

    private static SessionRetention retention(jakarta.persistence.EntityManager em) {
        SessionRetention retention = new SessionRetention();
        retention.em = em;
        return retention;
    }

    private void session(long id, Instant expires, Instant ended) throws Exception {
        db.execute("insert into login_session (id, account_id, token_hash, mode, created_at, expires_at, ended_at)"
                + " values (" + id + ", 1, 'hash" + id + "', 'UNIVERSAL', timestamp with time zone '"
                + NOW.minus(Duration.ofDays(60)) + "', timestamp with time zone '" + expires + "', "
                + (ended == null ? "null" : "timestamp with time zone '" + ended + "'") + ")");
    }
}

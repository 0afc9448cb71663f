package im.universal.housekeeping.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.federation.boundary.InboundRetention;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.session.boundary.SessionRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One housekeeping pass: batches until a short one, the retention cut-off, a failing table not stopping the other. */
class HousekeepingTest {
    private final List<String> pruned = new ArrayList<>();
    private final List<Instant> cutoffs = new ArrayList<>();

    @Test
    void prunesEachTableInBatchesUntilAShortBatch() {
        Housekeeping housekeeping = housekeeping(batches(Housekeeping.BATCH, Housekeeping.BATCH, 7), batches(3));

        Instant before = Instant.now();
        housekeeping.run();

        assertEquals(
                List.of(
                        "login_session " + Housekeeping.BATCH,
                        "login_session " + Housekeeping.BATCH,
                        "login_session 7",
                        "inbound_envelope 3"),
                pruned);
        Instant expected = before.minus(Duration.ofDays(IspConfig.DEFAULT_RETENTION_DAYS));
        for (Instant cutoff : cutoffs) {
            assertTrue(!cutoff.isBefore(expected) && cutoff.isBefore(expected.plusSeconds(60)), "cutoff " + cutoff);
        }
    }

    @Test
    void aFailingTableDoesNotStopTheOther() {
        Deque<Object> failing = new ArrayDeque<>(List.of(Housekeeping.BATCH, new IllegalStateException("db down")));
        Housekeeping housekeeping = housekeeping(failing, batches(2));

        housekeeping.run();

        assertEquals(List.of("login_session " + Housekeeping.BATCH, "inbound_envelope 2"), pruned);
    }

    private static Deque<Object> batches(Object... sizes) {
        return new ArrayDeque<>(List.of(sizes));
    }

    private Housekeeping housekeeping(Deque<Object> sessionBatches, Deque<Object> envelopeBatches) {
        Housekeeping housekeeping = new Housekeeping();
        housekeeping.config = new IspConfig("alpha.test", 720, 1000);
        housekeeping.telemetry = new Telemetry() {
            @Override
            public void pruned(String table, long rows) {
                pruned.add(table + " " + rows);
            }
        };
        housekeeping.sessions = new SessionRetention() {
            @Override
            public int prune(Instant cutoff, int limit) {
                return next(sessionBatches, cutoff, limit);
            }
        };
        housekeeping.envelopes = new InboundRetention() {
            @Override
            public int prune(Instant cutoff, int limit) {
                return next(envelopeBatches, cutoff, limit);
            }
        };
        return housekeeping;
    }

    private int next(Deque<Object> batches, Instant cutoff, int limit) {
        assertEquals(Housekeeping.BATCH, limit);
        cutoffs.add(cutoff);
        Object next = batches.remove();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (Integer) next;
    }
}

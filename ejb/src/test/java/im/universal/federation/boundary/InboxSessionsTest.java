package im.universal.federation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.federation.control.OrderingLane;
import org.junit.jupiter.api.Test;

class InboxSessionsTest {

    @Test
    void aReceiverHasASessionForEachLaneOfThisImplementation() {
        // more lanes than sessions split the batches without adding parallelism (docs/benchmarks.md, finding 25)
        assertEquals(OrderingLane.LANES, Integer.parseInt(InboxListener.SESSIONS));
    }
}

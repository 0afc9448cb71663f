package im.universal.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up runs each scenario asks for, given what the command line asked for. */
class WarmupsTest {
    @Test
    void theCrossPathWarmsUpAtLeastSixRunsUnlessNoneAreWanted() {
        Throughput cross = new Throughput(true);
        assertEquals(6, cross.warmups(1));
        assertEquals(8, cross.warmups(8));
        assertEquals(0, cross.warmups(0));
    }

    @Test
    void theLocalPathTakesWhatWasAskedFor() {
        Throughput local = new Throughput(false);
        assertEquals(1, local.warmups(1));
        assertEquals(0, local.warmups(0));
    }

    @Test
    void reconnectsWarmUpAtLeastTenRuns() {
        assertEquals(10, new Reconnect().warmups(1));
        assertEquals(0, new Reconnect().warmups(0));
    }
}

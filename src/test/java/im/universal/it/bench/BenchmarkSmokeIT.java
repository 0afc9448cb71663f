package im.universal.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.bench.Bench;
import im.universal.bench.Sizes;
import im.universal.bench.federation.Endpoints;
import im.universal.bench.federation.Host;
import im.universal.bench.report.ScenarioReport;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A smoke run of the benchmark tool (bench/, docs/benchmarks.md) on the suite's federation: tiny sizes, a few
 * frames per second per connection (the suite keeps the default limits), correctness only — every message
 * delivered exactly once and in order, every presence change seen, every directory entry ingested. No figure is
 * asserted: timing on a shared test machine means nothing.
 */
@ExtendWith(FederationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkSmokeIT {
    private Bench bench;

    @BeforeAll
    void connect(Federation federation) {
        Endpoints endpoints = new Endpoints(
                federation.alpha().baseUri(),
                Federation.ALPHA,
                federation.beta().baseUri(),
                Federation.BETA,
                Host.NONE);
        bench = new Bench(endpoints, Sizes.smoke());
    }

    @AfterAll
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    private ScenarioReport run(String scenario) {
        ScenarioReport report =
                bench.run(scenario, 1).orElseThrow(() -> new AssertionError(scenario + " was not applicable"));
        assertTrue(report.correct(), () -> scenario + ": " + report.jsonLine());
        return report;
    }

    @Test
    void localMessagesArriveExactlyOnceInOrder() {
        Map<String, Long> counters = run("local-throughput").counters();
        assertEquals(counters.get("sent"), counters.get("delivered"), counters::toString);
        assertEquals(0L, counters.get("duplicates") + counters.get("outOfOrder") + counters.get("lost"));
    }

    @Test
    void crossIspMessagesArriveExactlyOnceInOrder() {
        Map<String, Long> counters = run("cross-throughput").counters();
        assertEquals(counters.get("sent"), counters.get("delivered"), counters::toString);
        assertEquals(0L, counters.get("duplicates") + counters.get("outOfOrder") + counters.get("lost"));
    }

    @Test
    void pacedTrafficIsDeliveredOnBothRoutes() {
        run("local-latency");
        run("cross-latency");
    }

    @Test
    void reconnectsWithATokenAreReady() {
        assertTrue(run("reconnect").counters().get("reconnects") > 0);
    }

    @Test
    void presenceFanOutReachesEveryContact() {
        run("presence-local");
        run("presence-remote");
    }

    @Test
    void directoryEntriesPublishedByAlphaAreListedOnBeta() {
        run("directory-ingestion");
    }

    @Test
    void idleConnectionsAreHeld() {
        Map<String, Long> counters = run("idle-connections").counters();
        assertEquals(counters.get("connections"), counters.get("held"));
    }
}

package im.universal.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    @Test
    void theMedianOfTheRunsIsTheValueAndCorrectnessCountersAreSummed() {
        ScenarioReport report = new ScenarioReport(
                "local-throughput",
                "messages/s",
                Target.atLeast(20000),
                List.of(
                        Outcome.of(300, Map.of("sent", 10L, "delivered", 10L, "p99us", 5L)),
                        Outcome.of(100, Map.of("sent", 10L, "delivered", 10L, "p99us", 9L)),
                        Outcome.of(200, Map.of("sent", 10L, "delivered", 10L, "p99us", 7L))));

        assertEquals(200, report.median());
        assertEquals(30L, report.counters().get("sent"));
        assertEquals(7L, report.counters().get("p99us"));
        assertFalse(report.met());
        assertTrue(report.correct());
        assertTrue(report.jsonLine().startsWith("{\"scenario\":\"local-throughput\",\"value\":200.0,"));
    }

    @Test
    void aViolationMakesTheScenarioIncorrectAndIsPrinted() {
        ScenarioReport report = new ScenarioReport(
                "cross-throughput",
                "messages/s",
                Target.atLeast(1),
                List.of(new Outcome(10, Map.of("lost", 1L), List.of("lane 0: 1 of 10 lost"))));

        assertFalse(report.correct());
        assertFalse(report.met());
        assertTrue(report.jsonLine().contains("\"violations\":[\"lane 0: 1 of 10 lost\"]"));
    }

    @Test
    void targetsAndPercentiles() {
        assertTrue(Target.atMost(5).met(5));
        assertFalse(Target.atMost(5).met(5.1));
        assertEquals("<= 30", Target.atMost(30).toString());
        assertEquals(99, Percentiles.of(new long[] {1, 99, 50, 2}, 99));
        assertEquals(2, Percentiles.of(new long[] {1, 99, 50, 2}, 50));
    }
}

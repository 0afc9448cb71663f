package im.universal.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario: the figure, correctness counters (sent, delivered, lost, duplicates, ...) and the
 * violations found (empty when every check passed).
 */
public record Outcome(double value, Map<String, Long> counters, List<String> violations) {

    public Outcome {
        counters = new LinkedHashMap<>(counters);
        violations = List.copyOf(violations);
    }

    public static Outcome of(double value, Map<String, Long> counters) {
        return new Outcome(value, counters, List.of());
    }

    public boolean correct() {
        return violations.isEmpty();
    }
}

package im.universal.bench.report;

import static im.universal.bench.client.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of one scenario, folded into the one JSON line the tool prints: median against target. The figures of
 * the unmeasured warm-up runs are printed too ({@code warmupRuns}), never counted.
 */
public record ScenarioReport(String scenario, String unit, Target target, List<Outcome> runs, List<Double> warmups) {

    public ScenarioReport(String scenario, String unit, Target target, List<Outcome> runs) {
        this(scenario, unit, target, runs, List.of());
    }

    public double median() {
        return Percentiles.median(runs.stream().map(Outcome::value).toList());
    }

    public boolean met() {
        return correct() && target.met(median());
    }

    public boolean correct() {
        return runs.stream().allMatch(Outcome::correct);
    }

    public List<String> violations() {
        List<String> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(r.violations()));
        return all;
    }

    /** Correctness counters, summed over the runs; every other counter is a per-run figure (median of the runs). */
    static final Set<String> TOTALS = Set.of(
            "sent",
            "acked",
            "delivered",
            "lost",
            "duplicates",
            "outOfOrder",
            "strays",
            "errors",
            "notPersisted",
            "reconnects",
            "failed",
            "notified",
            "logins",
            "listedOnBeta",
            "entries");

    /** The counters: totals summed over the runs, figures as the median of the runs. */
    public Map<String, Long> counters() {
        Map<String, Long> merged = new LinkedHashMap<>();
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (Outcome run : runs) {
            run.counters().forEach((k, v) -> {
                if (TOTALS.contains(k)) {
                    merged.merge(k, v, Long::sum);
                } else {
                    merged.putIfAbsent(k, v);
                    figures.computeIfAbsent(k, x -> new ArrayList<>()).add(v.doubleValue());
                }
            });
        }
        figures.forEach((k, values) -> merged.put(k, Math.round(Percentiles.median(values))));
        return merged;
    }

    /** {"scenario","value","unit","target","met","runs","median","correct",counters...,"violations"?} */
    public String jsonLine() {
        double median = median();
        JsonArrayBuilder values = JSON.createArrayBuilder();
        runs.forEach(r -> values.add(round(r.value())));
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("scenario", scenario)
                .add("value", round(median))
                .add("unit", unit)
                .add("target", target.toString())
                .add("met", met())
                .add("runs", values)
                .add("median", round(median))
                .add("correct", correct());
        if (!warmups.isEmpty()) {
            JsonArrayBuilder warm = JSON.createArrayBuilder();
            warmups.forEach(w -> warm.add(round(w)));
            line.add("warmupRuns", warm);
        }
        counters().forEach(line::add);
        List<String> violations = violations();
        if (!violations.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            violations.stream().limit(20).forEach(list::add);
            line.add("violations", list).add("violationCount", violations.size());
        }
        return line.build().toString();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : -1;
    }
}

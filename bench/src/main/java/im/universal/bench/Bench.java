package im.universal.bench;

import im.universal.bench.federation.Endpoints;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.ScenarioReport;
import im.universal.bench.scenario.Context;
import im.universal.bench.scenario.Scenario;
import im.universal.bench.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark against running endpoints: {@code new Bench(endpoints, Sizes.smoke()).run("local-throughput", 1)}.
 * The command line ({@link BenchMain}) starts a federation first; a test passes the suite's running one.
 */
public final class Bench implements AutoCloseable {
    private final Context context;

    public Bench(Endpoints endpoints, Sizes sizes) {
        this.context = new Context(endpoints, sizes);
    }

    /** Runs the named scenario {@code runs} times (fewer where it cannot be repeated); empty if not applicable. */
    public Optional<ScenarioReport> run(String name, int runs) {
        return run(name, runs, 0);
    }

    /**
     * As {@link #run(String, int)}, after the warm-up runs the scenario asks for ({@link Scenario#warmups}), which
     * are not measured: the server's JIT compiles the hot paths during the first seconds of traffic, and an
     * operator's server runs warm. A warm-up run is checked like any other: an incorrect one is reported with the
     * measured runs.
     */
    public Optional<ScenarioReport> run(String name, int runs, int warmups) {
        Scenario scenario = Scenarios.named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no scenario " + name + "; known: " + String.join(", ", Scenarios.names())));
        if (!scenario.applicable(context)) {
            return Optional.empty();
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Double> warmupFigures = new ArrayList<>();
        try {
            int warm = scenario.warmups(warmups);
            for (int w = 1; w <= warm; w++) {
                context.run(-w);
                Outcome warmup = timed(scenario, "warm-up " + w, context);
                warmupFigures.add(warmup.value());
                if (!warmup.correct()) {
                    outcomes.add(warmup);
                }
            }
            for (int i = 0; i < scenario.runs(runs); i++) {
                context.run(i);
                outcomes.add(timed(scenario, "run " + (i + 1), context));
            }
        } finally {
            context.releaseSockets();
        }
        return Optional.of(
                new ScenarioReport(scenario.name(), scenario.unit(), scenario.target(), outcomes, warmupFigures));
    }

    /** Runs the scenario once and says on stderr when it ended, its figure and how long it took. */
    private static Outcome timed(Scenario scenario, String which, Context context) {
        long started = System.nanoTime();
        Outcome outcome = scenario.run(context);
        System.err.printf(
                Locale.ROOT,
                "[bench] %s %s: %.2f %s in %.1f s%s%n",
                scenario.name(),
                which,
                outcome.value(),
                scenario.unit(),
                (System.nanoTime() - started) / 1e9,
                outcome.correct() ? "" : " (INCORRECT)");
        return outcome;
    }

    @Override
    public void close() {
        context.close();
    }
}

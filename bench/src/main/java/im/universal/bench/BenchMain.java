package im.universal.bench;

import static im.universal.bench.client.Jsons.JSON;

import im.universal.bench.federation.Endpoints;
import im.universal.bench.federation.FederationSettings;
import im.universal.bench.federation.Host;
import im.universal.bench.federation.LocalFederation;
import im.universal.bench.report.ScenarioReport;
import im.universal.bench.scenario.Scenarios;
import im.universal.bench.soak.Soak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code bin/uim bench}: starts a local federation (unless given one), runs the scenarios, prints one JSON line
 * per scenario on stdout (progress on stderr). Exit status 1 when a scenario found a lost, duplicated or
 * reordered message (or failed), 2 on a usage error, 0 otherwise — a missed target is reported, not an error.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("[bench] " + e.getMessage());
            }
            System.err.printf(Options.USAGE, String.join(", ", Scenarios.names()));
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        System.exit(run(options));
    }

    private static int run(Options options) {
        FederationSettings settings = FederationSettings.defaults(options.root());
        LocalFederation federation = null;
        try {
            Endpoints endpoints;
            if (options.alpha() != null) {
                endpoints = new Endpoints(
                        options.alpha(), LocalFederation.ALPHA, options.beta(), LocalFederation.BETA, Host.NONE);
            } else {
                federation = LocalFederation.start(settings);
                endpoints = federation.endpoints();
            }
            if (options.soakMinutes() > 0) {
                return new Soak(endpoints, federation, options.soakMinutes()).run() ? 0 : 1;
            }
            return scenarios(options, endpoints, federation);
        } catch (RuntimeException e) {
            System.err.println("[bench] FAILED: " + e.getMessage());
            e.printStackTrace();
            return 1;
        } finally {
            if (federation != null) {
                federation.close();
                if (!options.keep()) {
                    deleteQuietly(settings.dataDir());
                }
            }
        }
    }

    private static int scenarios(Options options, Endpoints endpoints, LocalFederation federation) {
        List<String> names = options.scenarios().contains("all") ? Scenarios.names() : options.scenarios();
        int status = 0;
        try (Bench bench = new Bench(endpoints, options.sizes())) {
            for (String name : names) {
                System.err.println("[bench] scenario " + name + " ...");
                long started = System.nanoTime();
                try {
                    Optional<ScenarioReport> report = bench.run(name, options.runs(), options.warmups());
                    if (report.isEmpty()) {
                        System.err.println("[bench] " + name + ": not applicable here, skipped");
                        continue;
                    }
                    System.out.println(report.get().jsonLine());
                    System.out.flush();
                    if (!report.get().correct()) {
                        status = 1;
                        System.err.println("[bench] " + name + ": CORRECTNESS VIOLATED: "
                                + report.get().violations().stream().limit(10).toList());
                    }
                } catch (RuntimeException e) {
                    status = 1;
                    System.out.println("{\"scenario\":\"" + name + "\",\"error\":"
                            + JSON.createValue(String.valueOf(e.getMessage())) + "}");
                    System.err.println("[bench] " + name + " FAILED: " + e);
                    e.printStackTrace();
                    if (federation != null) {
                        federation.assertAlive();
                    }
                }
                System.err.printf("[bench] %s took %d s%n", name, (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        return status;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths =
                    new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("[bench] could not delete " + dir + ": " + e.getMessage());
        }
    }
}

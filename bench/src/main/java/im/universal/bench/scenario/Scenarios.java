package im.universal.bench.scenario;

import java.util.List;
import java.util.Optional;

/** Every scenario, in the order {@code all} runs them (the heaviest on memory last). */
public final class Scenarios {
    private Scenarios() {}

    public static List<Scenario> all() {
        return List.of(
                new ProcessFigures(false),
                new ProcessFigures(true),
                new Throughput(false),
                new Latency(false),
                new Throughput(true),
                new Latency(true),
                new Reconnect(),
                new PasswordLogin(),
                new PresenceFanout(false),
                new PresenceFanout(true),
                new DirectoryIngestion(),
                new IdleConnections());
    }

    public static Optional<Scenario> named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return all().stream().map(Scenario::name).toList();
    }
}

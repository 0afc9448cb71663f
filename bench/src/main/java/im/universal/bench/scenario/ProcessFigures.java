package im.universal.bench.scenario;

import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Figures of the ISP processes this tool started: launch to ready (s), and resident memory once idle after
 * start (MB). One "run" per ISP (alpha started alone, then beta), not repeated.
 */
public final class ProcessFigures implements Scenario {
    private final boolean memory;

    public ProcessFigures(boolean memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return memory ? "idle-memory" : "startup-time";
    }

    @Override
    public String unit() {
        return memory ? "MB RSS" : "s";
    }

    @Override
    public Target target() {
        return Target.atMost(memory ? 600 : 30);
    }

    /** No warm-up: figures of the processes' start, nothing to warm up. */
    @Override
    public int warmups(int requested) {
        return 0;
    }

    @Override
    public int runs(int requested) {
        return 2;
    }

    @Override
    public boolean applicable(Context context) {
        return context.endpoints()
                .host()
                .startup(context.endpoints().alphaDomain())
                .isPresent();
    }

    @Override
    public Outcome run(Context context) {
        List<String> domains =
                List.of(context.endpoints().alphaDomain(), context.endpoints().betaDomain());
        String domain = domains.get(context.run() % 2);
        Map<String, Long> counters = new LinkedHashMap<>();
        if (memory) {
            OptionalLong idle = context.endpoints().host().idleRssKb(domain);
            counters.put(domain.replace(".test", "") + "RssKb", idle.orElse(-1));
            return Outcome.of(idle.orElse(-1) / 1024.0, counters);
        }
        Optional<Duration> startup = context.endpoints().host().startup(domain);
        long millis = startup.map(Duration::toMillis).orElse(-1L);
        counters.put(domain.replace(".test", "") + "Ms", millis);
        return Outcome.of(millis / 1000.0, counters);
    }
}

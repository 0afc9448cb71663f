package im.universal.bench.scenario;

import im.universal.bench.client.BenchFailure;
import im.universal.bench.client.Population;
import im.universal.bench.client.User;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Listed registrations on alpha are broadcast as directory envelopes; the figure is entries per second from the
 * first registration until beta's directory finds all of them. Alpha's own registration rate is reported too:
 * when beta keeps up, the figure is bounded by what alpha publishes, not by what beta ingests.
 */
public final class DirectoryIngestion implements Scenario {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(180);

    @Override
    public String name() {
        return "directory-ingestion";
    }

    @Override
    public String unit() {
        return "entries/s";
    }

    @Override
    public Target target() {
        return Target.atLeast(2000);
    }

    @Override
    public Outcome run(Context context) {
        User observer = context.shared("directory-observer", () -> context.population()
                .user(context.beta(), context.endpoints().betaDomain(), "dobs", false));
        int count = context.sizes().directoryEntries();
        String prefix = context.tag("dir") + "-";
        List<Callable<Void>> registrations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            registrations.add(() -> {
                context.alpha().register(name, Population.PASSWORD, true);
                return null;
            });
        }
        long start = System.nanoTime();
        context.population().all(registrations);
        long published = System.nanoTime();
        long seen = 0;
        while ((seen = context.beta().directoryTotal(observer.token(), prefix)) < count) {
            if (System.nanoTime() - published > TIMEOUT_NANOS) {
                break;
            }
            pause();
        }
        long done = System.nanoTime();
        List<String> violations = new ArrayList<>();
        if (seen != count) {
            violations.add("beta lists " + seen + " of " + count + " entries published by alpha");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("entries", (long) count);
        counters.put("listedOnBeta", seen);
        counters.put("alphaRegistrationsPerSecond", Math.round(count / ((published - start) / 1e9)));
        counters.put("lagAfterLastRegistrationMs", TimeUnit.NANOSECONDS.toMillis(done - published));
        return new Outcome(count / ((done - start) / 1e9), counters, violations);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}

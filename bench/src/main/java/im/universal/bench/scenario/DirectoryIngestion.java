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
 * Listed registrations on alpha are broadcast as directory envelopes; the figure is what beta ingests, entries per
 * second. Where the tool runs the federation itself, beta is frozen (SIGSTOP) while alpha registers, so the
 * envelopes wait for it in the broker (beta's durable subscription), then thawed: the figure is the number of
 * entries over the time from the thaw until beta's directory lists all of them ({@code "backlog":1}).
 * Otherwise it is entries per second from the first registration until beta lists all of them
 * ({@code "backlog":0}), which is bounded by alpha's registration rate (reported too) when beta keeps up.
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
        String beta = context.endpoints().betaDomain();
        boolean frozen = context.endpoints().host().freeze(beta, true);
        long start = System.nanoTime();
        long published;
        try {
            context.population().all(registrations);
        } finally {
            published = System.nanoTime();
            if (frozen && !context.endpoints().host().freeze(beta, false)) {
                throw new BenchFailure("could not thaw " + beta, null);
            }
        }
        long measuredFrom = frozen ? System.nanoTime() : start;
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
        counters.put("backlog", frozen ? 1L : 0L);
        return new Outcome(count / ((done - measuredFrom) / 1e9), counters, violations);
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

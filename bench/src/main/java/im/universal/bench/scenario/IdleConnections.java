package im.universal.bench.scenario;

import im.universal.bench.client.Socket;
import im.universal.bench.client.User;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Idle authenticated WebSockets held on one ISP (alpha): opens them (a bounded number of handshakes in flight),
 * holds them, checks every one is still open, and reports what each connection costs the ISP: the growth of its
 * resident set per connection, or, when larger, the growth of its live heap (used heap after a full collection)
 * per connection. The second matters when the heap was already committed before the sockets opened: then they fill
 * memory the process holds anyway and the resident set hardly moves. One run only: a second run would find the
 * heap already grown.
 */
public final class IdleConnections implements Scenario {
    private static final int IN_FLIGHT = 200;

    @Override
    public String name() {
        return "idle-connections";
    }

    @Override
    public String unit() {
        return "KB RSS/connection";
    }

    @Override
    public Target target() {
        return Target.atMost(30);
    }

    /** No warm-up: one run only, and a warm-up would grow the heap before the measured one. */
    @Override
    public int warmups(int requested) {
        return 0;
    }

    @Override
    public int runs(int requested) {
        return 1;
    }

    @Override
    public Outcome run(Context context) {
        int count = context.sizes().idleConnections();
        List<User> users = context.shared(name(), () -> context.population()
                .users(
                        context.alpha(),
                        context.endpoints().alphaDomain(),
                        "idle",
                        context.sizes().idleUsers(),
                        false));
        String domain = context.endpoints().alphaDomain();
        OptionalLong heapBefore = context.endpoints().host().liveHeapKb(domain);
        OptionalLong before = context.endpoints().host().rssKb(domain);
        List<Socket> sockets = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Socket>> opening = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                User user = users.get(i % users.size());
                inFlight.acquireUninterruptibly();
                opening.add(Socket.connectAsync(context.sockets(), user.api().webSocketUri(), user.name())
                        .thenCompose(s -> s.authenticateAsync(user.token()).thenApply(ready -> s))
                        .whenComplete((s, e) -> inFlight.release()));
            }
            for (CompletableFuture<Socket> future : opening) {
                try {
                    sockets.add(future.get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    violations.add("a connection failed: " + e);
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(TimeUnit.SECONDS.toMillis(context.sizes().idleHoldSeconds()));
            long held = sockets.stream().filter(Socket::isOpen).count();
            if (held < count) {
                violations.add((count - held) + " of " + count + " connections not held");
            }
            OptionalLong after = context.endpoints().host().rssKb(domain);
            OptionalLong heapAfter = context.endpoints().host().liveHeapKb(domain);
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("connections", (long) count);
            counters.put("held", held);
            counters.put("openedPerSecond", Math.round(sockets.size() / openSeconds));
            double perConnection = Double.NaN;
            if (before.isPresent() && after.isPresent()) {
                counters.put("rssBeforeKb", before.getAsLong());
                counters.put("rssAfterKb", after.getAsLong());
                perConnection = (after.getAsLong() - before.getAsLong()) / (double) count;
            }
            if (heapBefore.isPresent() && heapAfter.isPresent()) {
                counters.put("liveHeapBeforeKb", heapBefore.getAsLong());
                counters.put("liveHeapAfterKb", heapAfter.getAsLong());
                double heapPerConnection = (heapAfter.getAsLong() - heapBefore.getAsLong()) / (double) count;
                perConnection =
                        Double.isNaN(perConnection) ? heapPerConnection : Math.max(perConnection, heapPerConnection);
            }
            return new Outcome(perConnection, counters, violations);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            sockets.parallelStream().forEach(Socket::abort);
        }
    }
}

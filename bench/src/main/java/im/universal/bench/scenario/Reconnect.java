package im.universal.bench.scenario;

import im.universal.bench.client.Daemon;
import im.universal.bench.client.Jsons;
import im.universal.bench.client.Socket;
import im.universal.bench.client.User;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reconnects with a valid token (no password hashing): open a WebSocket, {@code auth}, wait for {@code ready},
 * close; as many as possible from concurrent clients for a fixed time. Each {@code ready} must name its user.
 */
public final class Reconnect implements Scenario {

    @Override
    public String name() {
        return "reconnect";
    }

    @Override
    public String unit() {
        return "reconnects/s";
    }

    @Override
    public Target target() {
        return Target.atLeast(1000);
    }

    /**
     * At least ten: on two cores the connection path (handshake, auth, close: deep Payara stacks) takes C2 about
     * 90 s of this traffic to compile, and the rate climbs from under 200/s to its plateau meanwhile
     * (docs/benchmarks.md, finding 21); an operator's server runs warm.
     */
    @Override
    public int warmups(int requested) {
        return Scenario.atLeast(requested, 10);
    }

    @Override
    public Outcome run(Context context) {
        List<Pair> pairs = context.pairs(false);
        int clients = Math.min(context.sizes().reconnectClients(), pairs.size());
        long seconds = context.sizes().reconnectSeconds();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients, Daemon.factory("reconnect"));
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < clients; i++) {
            User user = pairs.get(i).receiver();
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        Socket socket = Socket.connectAsync(
                                        context.sockets(), user.api().webSocketUri(), user.name())
                                .get(30, TimeUnit.SECONDS);
                        JsonObject ready = socket.authenticate(user.token());
                        socket.close();
                        if (!user.address().equals(Jsons.str(ready, "address"))) {
                            violations.add("ready for " + user.address() + " named " + ready);
                        }
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        violations.add(user.address() + ": reconnect failed: " + e);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("clients", (long) clients);
        counters.put("reconnects", done.get());
        counters.put("failed", failed.get());
        return new Outcome(done.get() / elapsed, counters, violations);
    }
}

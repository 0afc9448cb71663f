package im.universal.bench.scenario;

import im.universal.bench.client.BenchFailure;
import im.universal.bench.client.Daemon;
import im.universal.bench.client.Jsons;
import im.universal.bench.client.Socket;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Percentiles;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives message traffic over pairs: one sender thread per pair, either closed-loop (at most {@code window}
 * messages sent and not yet received) or open-loop at a fixed total rate. Every message carries its pair and
 * sequence number; the receiving {@link Lane} checks exactly-once, in-order delivery, and at the end the last
 * message of each pair is looked up in the sender's stored history (persisted).
 */
final class PairTraffic {
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long GRACE_MILLIS = 500;

    /** {@code rate} 0 = closed loop; {@code perConnectionCap} 0 = no cap (frames/s per sending socket). */
    record Plan(int messagesPerPair, int window, double rate, double perConnectionCap) {}

    /** What a run measured: the outcome and the figures derived from it. */
    record Result(Outcome outcome, double messagesPerSecond, long[] latenciesNanos) {}

    private PairTraffic() {}

    static Result run(List<Pair> pairs, HttpClient http, Plan plan, String tag) {
        List<Lane> lanes = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(pairs.size(), Daemon.factory("sender"));
        try {
            for (int i = 0; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                Lane lane = new Lane(i, pair, tag, plan.messagesPerPair(), plan.window());
                lanes.add(lane);
                sockets.add(Socket.open(
                        http,
                        pair.receiver().api().webSocketUri(),
                        pair.receiver().name(),
                        pair.receiver().token(),
                        lane::onReceiverFrame));
                sockets.add(Socket.open(
                        http,
                        pair.sender().api().webSocketUri(),
                        pair.sender().name(),
                        pair.sender().token(),
                        lane::onSenderFrame));
            }
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                Lane lane = lanes.get(i);
                Socket socket = sockets.get(2 * i + 1);
                running.add(senders.submit(() -> send(lane, socket, plan, start, lanes.size())));
            }
            for (Future<?> f : running) {
                f.get();
            }
            awaitArrivals(lanes);
            Thread.sleep(GRACE_MILLIS);
            return result(lanes, start, persisted(lanes, tag));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new BenchFailure("sender failed", e.getCause());
        } finally {
            senders.shutdownNow();
            sockets.forEach(Socket::close);
        }
    }

    private static void send(Lane lane, Socket socket, Plan plan, long start, int laneCount) {
        String to = lane.pair.receiver().address();
        long capGap = plan.perConnectionCap() > 0 ? (long) (1e9 / plan.perConnectionCap()) : 0;
        long previous = 0;
        for (int seq = 0; seq < lane.messages; seq++) {
            long intended;
            if (plan.rate() > 0) {
                intended = start + (long) ((seq * (double) laneCount + lane.index) * 1e9 / plan.rate());
            } else {
                intended = System.nanoTime();
            }
            intended = Math.max(intended, previous + capGap);
            waitUntil(intended);
            acquire(lane);
            if (plan.rate() <= 0 && capGap == 0) {
                intended = System.nanoTime();
            }
            lane.intendedAt.set(seq, intended);
            socket.send(Jsons.message(lane.clientId(seq), to, lane.body(seq)));
            previous = intended;
        }
    }

    private static void acquire(Lane lane) {
        try {
            if (!lane.window.tryAcquire(STALL_NANOS, TimeUnit.NANOSECONDS)) {
                throw new BenchFailure("lane " + lane.index + ": nothing arrived for " + STALL_NANOS / 1_000_000_000
                        + " s with a full window (" + lane.delivered() + " of " + lane.messages + " delivered)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }

    private static void waitUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Waits until every lane has everything, or until nothing more arrives for a while. */
    private static void awaitArrivals(List<Lane> lanes) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long lastTotal = -1;
        while (true) {
            long total = lanes.stream().mapToLong(Lane::delivered).sum();
            long expected = lanes.stream().mapToLong(l -> l.messages).sum();
            if (total >= expected) {
                return;
            }
            if (total != lastTotal) {
                lastTotal = total;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** How many pairs' last message is missing from the sender's stored conversation. */
    private static long persisted(List<Lane> lanes, String tag) {
        long missing = 0;
        for (Lane lane : lanes) {
            List<String> last = lane.pair
                    .sender()
                    .api()
                    .lastBodies(lane.pair.sender().token(), lane.pair.receiver().address(), 1);
            if (!last.equals(List.of(Lane.body(tag, lane.index, lane.messages - 1)))) {
                missing++;
            }
        }
        return missing;
    }

    private static Result result(List<Lane> lanes, long start, long notPersisted) {
        Lane.Tally tally = new Lane.Tally();
        lanes.forEach(l -> l.collect(tally));
        long last = lanes.stream().mapToLong(Lane::lastArrival).max().orElse(start);
        double seconds = Math.max(1e-9, (last - start) / 1e9);
        long[] latencies = tally.latencies.toArray();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("pairs", (long) lanes.size());
        counters.put("sent", lanes.stream().mapToLong(l -> l.messages).sum());
        counters.put("acked", tally.acks);
        counters.put("delivered", tally.delivered);
        counters.put("lost", tally.lost);
        counters.put("duplicates", tally.duplicates);
        counters.put("outOfOrder", tally.outOfOrder);
        counters.put("strays", tally.strays);
        counters.put("errors", tally.errors);
        counters.put("notPersisted", notPersisted);
        counters.put("p50us", (long) (Percentiles.of(latencies, 50) / 1000));
        counters.put("p99us", (long) (Percentiles.of(latencies, 99) / 1000));
        counters.put("maxus", (long) (Percentiles.of(latencies, 100) / 1000));
        List<String> violations = new ArrayList<>(tally.violations);
        if (notPersisted > 0) {
            violations.add(notPersisted + " pair(s) whose last message is not in the stored history");
        }
        double rate = tally.delivered / seconds;
        return new Result(new Outcome(rate, counters, violations), rate, latencies);
    }
}

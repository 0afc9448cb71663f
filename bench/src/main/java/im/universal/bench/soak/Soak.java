package im.universal.bench.soak;

import static im.universal.bench.client.Jsons.JSON;

import im.universal.bench.client.Api;
import im.universal.bench.client.Daemon;
import im.universal.bench.client.Population;
import im.universal.bench.client.User;
import im.universal.bench.federation.Endpoints;
import im.universal.bench.federation.HeapProbe;
import im.universal.bench.federation.LocalFederation;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The soak (issue 7): for MINUTES, senders on alpha message receivers on beta (and on alpha) at a steady rate
 * while the receivers reconnect every 10-40 s; halfway, beta is stopped gracefully (SIGTERM) and started again on
 * the same data. At the end every message must have arrived exactly once, in order, and alpha's heap after a
 * full GC is compared with its baseline. One JSON line; exit status 1 on any loss, duplicate or reorder.
 */
public final class Soak {
    private static final int CROSS_PAIRS = 30;
    private static final int LOCAL_PAIRS = 20;
    private static final long GAP_MILLIS = 1500;
    private static final long DRAIN_SECONDS = 300;

    private final Endpoints endpoints;
    private final LocalFederation federation;
    private final int minutes;

    public Soak(Endpoints endpoints, LocalFederation federation, int minutes) {
        this.endpoints = endpoints;
        this.federation = federation;
        this.minutes = minutes;
    }

    public boolean run() {
        Api alpha = endpoints.alphaApi();
        Api beta = endpoints.betaApi();
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4, Daemon.factory("soak-ws")))
                .build();
        List<SoakLane> lanes = new ArrayList<>();
        try (Population population = new Population(8)) {
            lanes.addAll(lanes(population, alpha, beta, endpoints.betaDomain(), CROSS_PAIRS, 0, http));
            lanes.addAll(lanes(population, alpha, alpha, endpoints.alphaDomain(), LOCAL_PAIRS, CROSS_PAIRS, http));
        }
        String alphaDomain = endpoints.alphaDomain();
        OptionalLong heapBefore = heap(alphaDomain);
        OptionalLong rssBefore = endpoints.host().rssKb(alphaDomain);
        log("soak: " + lanes.size() + " lanes for " + minutes + " min; alpha heap after GC " + kbToMb(heapBefore)
                + " MB, RSS " + kbToMb(rssBefore) + " MB");
        SoakClock clock = new SoakClock();
        ExecutorService threads = Executors.newFixedThreadPool(2 * lanes.size(), Daemon.factory("soak"));
        lanes.forEach(l -> threads.submit(() -> l.receive(clock)));
        lanes.forEach(l -> threads.submit(() -> l.send(clock, GAP_MILLIS)));
        long start = System.nanoTime();
        long half = start + TimeUnit.MINUTES.toNanos(minutes) / 2;
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        boolean restarted = false;
        while (System.nanoTime() < end) {
            if (!restarted && System.nanoTime() >= half) {
                log("soak: restarting " + endpoints.betaDomain() + " (graceful stop, same data)");
                restarted = endpoints.host().restart(endpoints.betaDomain());
            }
            sleep(1000);
        }
        clock.stopSenders();
        log("soak: senders stopped; waiting for every message to arrive");
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (System.nanoTime() < drainDeadline && !allArrived(lanes)) {
            sleep(500);
        }
        sleep(2000);
        clock.stopReceivers();
        threads.shutdown();
        try {
            threads.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sleep(5000);
        OptionalLong heapAfter = heap(alphaDomain);
        OptionalLong rssAfter = endpoints.host().rssKb(alphaDomain);
        SoakTally tally = new SoakTally();
        lanes.forEach(l -> l.collect(tally));
        boolean correct = tally.violations.isEmpty() && tally.sent == tally.delivered;
        JsonObjectBuilder line = JSON.createObjectBuilder()
                .add("scenario", "soak")
                .add("minutes", minutes)
                .add("lanes", lanes.size())
                .add("sent", tally.sent)
                .add("delivered", tally.delivered)
                .add("lost", tally.sent - tally.delivered)
                .add("duplicates", tally.duplicates)
                .add("outOfOrder", tally.gaps)
                .add("senderResends", tally.resends)
                .add("receiverConnects", tally.reconnects)
                .add("betaRestarted", restarted)
                .add("alphaHeapBeforeMb", kbToMb(heapBefore))
                .add("alphaHeapAfterMb", kbToMb(heapAfter))
                .add("alphaRssBeforeMb", kbToMb(rssBefore))
                .add("alphaRssAfterMb", kbToMb(rssAfter))
                .add("correct", correct);
        if (!tally.violations.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            tally.violations.stream().limit(20).forEach(list::add);
            line.add("violations", list).add("violationCount", tally.violations.size());
        }
        System.out.println(line.build());
        return correct;
    }

    private static List<SoakLane> lanes(
            Population population,
            Api senders,
            Api receivers,
            String receiverDomain,
            int count,
            int first,
            HttpClient http) {
        String senderDomain = LocalFederation.ALPHA;
        List<User> from = population.users(senders, senderDomain, "ss", count, false);
        List<User> to = population.users(receivers, receiverDomain, "sr", count, false);
        population.contacts(from, to);
        List<SoakLane> lanes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lanes.add(new SoakLane(first + i, from.get(i), to.get(i), population.tag() + "-soak", http));
        }
        return lanes;
    }

    private static boolean allArrived(List<SoakLane> lanes) {
        return lanes.stream().allMatch(l -> l.delivered() >= l.sent());
    }

    private OptionalLong heap(String domain) {
        if (federation == null) {
            return OptionalLong.empty();
        }
        OptionalLong pid = federation.pid(domain);
        return pid.isPresent() ? HeapProbe.usedKbAfterGc(pid.getAsLong()) : OptionalLong.empty();
    }

    private static long kbToMb(OptionalLong kb) {
        return kb.isPresent() ? kb.getAsLong() / 1024 : -1;
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package im.universal.bench.scenario;

import im.universal.bench.client.Api;
import im.universal.bench.client.BenchFailure;
import im.universal.bench.client.Jsons;
import im.universal.bench.client.Socket;
import im.universal.bench.client.User;
import im.universal.bench.report.Outcome;
import im.universal.bench.report.Target;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One user with many online contacts changes status; the figure is the time until the last contact has the
 * {@code presence} frame. Local: all on alpha. Remote: the user on beta, the contacts on alpha. The contacts'
 * sockets stay open across runs; each run flips the status (away, available, ...).
 */
public final class PresenceFanout implements Scenario {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final boolean remote;

    public PresenceFanout(boolean remote) {
        this.remote = remote;
    }

    @Override
    public String name() {
        return remote ? "presence-remote" : "presence-local";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Target target() {
        return Target.atMost(remote ? 1000 : 300);
    }

    /**
     * One run is one status change: a handful of warm-up changes, not one, before the measured runs, so that the
     * fan-out path is compiled by the JIT as on a server that has been up for a while.
     */
    @Override
    public int warmups(int requested) {
        return Scenario.atLeast(requested, 5);
    }

    /** The centre's socket and the arrivals at each contact of the current run. */
    private static final class Setup {
        Socket centre;
        String centreAddress;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicLong duplicates = new AtomicLong();
        volatile String expected = "";
        /** Set-up: from the centre's {@code auth} until it had seen every contact online. */
        long centreLoginMillis;
    }

    @Override
    public Outcome run(Context context) {
        Setup setup = context.shared(name(), () -> setUp(context));
        if (!setup.centre.isOpen()) {
            throw new BenchFailure(
                    name() + ": the sockets of the set-up were closed (one context runs a scenario once)");
        }
        String show = context.run() % 2 == 0 ? "away" : "available";
        setup.arrivals.clear();
        setup.duplicates.set(0);
        setup.expected = show;
        int contacts = context.sizes().presenceContacts();
        long start = System.nanoTime();
        setup.centre.send(Jsons.presence(show));
        long deadline = start + TIMEOUT_NANOS;
        while (setup.arrivals.size() < contacts && System.nanoTime() < deadline) {
            pause();
        }
        long last = setup.arrivals.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(deadline);
        List<String> violations = new ArrayList<>();
        if (setup.arrivals.size() < contacts) {
            violations.add((contacts - setup.arrivals.size()) + " of " + contacts + " contacts never saw "
                    + setup.centreAddress + " turn " + show);
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("contacts", (long) contacts);
        counters.put("notified", (long) setup.arrivals.size());
        counters.put("duplicates", setup.duplicates.get());
        counters.put("centreLoginMs", setup.centreLoginMillis);
        return new Outcome((last - start) / 1e6, counters, violations);
    }

    private Setup setUp(Context context) {
        Api centreApi = remote ? context.beta() : context.alpha();
        String centreDomain =
                remote ? context.endpoints().betaDomain() : context.endpoints().alphaDomain();
        User centre = context.population().user(centreApi, centreDomain, remote ? "pr" : "pl", false);
        int count = context.sizes().presenceContacts();
        List<User> contacts = context.population()
                .users(context.alpha(), context.endpoints().alphaDomain(), remote ? "prc" : "plc", count, false);
        List<User> centres = new ArrayList<>();
        contacts.forEach(c -> centres.add(centre));
        context.population().contacts(centres, contacts);
        Setup setup = new Setup();
        setup.centreAddress = centre.address();
        List<Callable<Void>> connects = new ArrayList<>();
        for (User contact : contacts) {
            connects.add(() -> {
                Socket socket = Socket.open(
                        context.sockets(), contact.api().webSocketUri(), contact.name(), contact.token(), frame -> {
                            if (isPresence(frame, centre.address(), setup.expected)
                                    && setup.arrivals.putIfAbsent(contact.address(), System.nanoTime()) != null) {
                                setup.duplicates.incrementAndGet();
                            }
                        });
                context.keep(socket);
                return null;
            });
        }
        context.population().all(connects);
        // The centre's own login is a fan-out too, and it asks for its contacts' presence: the set-up ends when
        // every contact has seen it come online and it has seen every contact online (in `ready` or in presence
        // frames, the answers to its probe when remote), so that no traffic of the set-up is still in flight.
        setup.expected = "available";
        Set<String> seenByCentre = ConcurrentHashMap.newKeySet();
        setup.centre = Socket.connect(context.sockets(), centre.api().webSocketUri(), centre.name());
        setup.centre.onFrame(frame -> {
            if ("presence".equals(Jsons.str(frame, "type")) && "available".equals(Jsons.str(frame, "show"))) {
                seenByCentre.add(Jsons.str(frame, "from"));
            }
        });
        context.keep(setup.centre);
        long login = System.nanoTime();
        JsonObject ready = setup.centre.authenticate(centre.token());
        ready.getJsonArray("contacts").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.get("presence") instanceof JsonObject p && "available".equals(Jsons.str(p, "show")))
                .forEach(c -> seenByCentre.add(Jsons.str(c, "address")));
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (setup.arrivals.size() < count || seenByCentre.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new BenchFailure(name() + ": after the set-up, " + setup.arrivals.size() + " of " + count
                        + " contacts saw " + centre.address() + " come online and it saw " + seenByCentre.size()
                        + " of them online");
            }
            pause();
        }
        setup.centreLoginMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - login);
        return setup;
    }

    private static boolean isPresence(JsonObject frame, String from, String show) {
        return "presence".equals(Jsons.str(frame, "type"))
                && from.equals(Jsons.str(frame, "from"))
                && show.equals(Jsons.str(frame, "show"));
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
    }
}

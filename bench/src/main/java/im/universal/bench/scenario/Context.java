package im.universal.bench.scenario;

import im.universal.bench.Sizes;
import im.universal.bench.client.Api;
import im.universal.bench.client.Daemon;
import im.universal.bench.client.Population;
import im.universal.bench.client.Socket;
import im.universal.bench.client.User;
import im.universal.bench.federation.Endpoints;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What the scenarios of one benchmark share: the endpoints, the sizes, the users set up so far (pairs are set up
 * once and reused by every run), one HTTP client for all WebSockets, and sockets kept open across runs.
 */
public final class Context implements AutoCloseable {
    private final Endpoints endpoints;
    private final Sizes sizes;
    private final Population population;
    private final Api alpha;
    private final Api beta;
    private final HttpClient sockets;
    private final Map<String, Object> shared = new HashMap<>();
    private final List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());
    private int run;

    public Context(Endpoints endpoints, Sizes sizes) {
        this.endpoints = endpoints;
        this.sizes = sizes;
        this.population = new Population(sizes.setupParallelism());
        this.alpha = endpoints.alphaApi();
        this.beta = endpoints.betaApi();
        this.sockets = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4, Daemon.factory("ws")))
                .build();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Sizes sizes() {
        return sizes;
    }

    public Population population() {
        return population;
    }

    public Api alpha() {
        return alpha;
    }

    public Api beta() {
        return beta;
    }

    public HttpClient sockets() {
        return sockets;
    }

    public int run() {
        return run;
    }

    public void run(int index) {
        this.run = index;
    }

    /** A tag unique to this benchmark, scenario and run (for message bodies and client ids). */
    public String tag(String scenario) {
        return population.tag() + "-" + scenario + run;
    }

    /** Set-up shared between runs and scenarios, made on first use. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T shared(String key, Supplier<T> setUp) {
        Object value = shared.get(key);
        if (value == null) {
            value = setUp.get();
            shared.put(key, value);
        }
        return (T) value;
    }

    /** Sockets closed after the current scenario's runs (see {@link #releaseSockets}). */
    public void keep(Socket socket) {
        open.add(socket);
    }

    /** {@code pairs} sender/receiver pairs on alpha (local) or alpha to beta (cross). */
    public List<Pair> pairs(boolean cross) {
        return shared(cross ? "cross-pairs" : "local-pairs", () -> {
            List<User> senders =
                    population.users(alpha, endpoints.alphaDomain(), cross ? "xs" : "ls", sizes.pairs(), false);
            Api receiverApi = cross ? beta : alpha;
            String receiverDomain = cross ? endpoints.betaDomain() : endpoints.alphaDomain();
            List<User> receivers =
                    population.users(receiverApi, receiverDomain, cross ? "xr" : "lr", sizes.pairs(), false);
            population.contacts(senders, receivers);
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < senders.size(); i++) {
                pairs.add(new Pair(senders.get(i), receivers.get(i)));
            }
            return pairs;
        });
    }

    /** Closes the sockets kept open for the runs of one scenario (they would weigh on the next scenarios). */
    public void releaseSockets() {
        List<Socket> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.parallelStream().forEach(Socket::close);
    }

    @Override
    public void close() {
        releaseSockets();
        population.close();
    }
}

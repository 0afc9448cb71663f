package im.universal.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One ISP: Payara Micro with the resource adapter and the WAR, started with
 * {@code bin/uim isp --domain D --port P --data DIR --broker-port N}.
 */
public final class IspProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IspProcess.class.getName());
    /** Two Payara Micro instances on 2 cores take ~75 s each; leave room for a busy machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String domain;
    private final int port;
    private final ManagedProcess process;
    private final long launchedAt = System.nanoTime();

    private IspProcess(String domain, int port, ManagedProcess process) {
        this.domain = domain;
        this.port = port;
        this.process = process;
    }

    /** Starts the ISP with a fresh data directory; does not wait (see {@link #awaitHealthy(Duration)}). */
    public static IspProcess launch(String domain, int port, int brokerPort) {
        return launch(domain, domain, port, brokerPort, Map.of(), true);
    }

    /**
     * Starts the ISP under the log name {@code name} with extra environment ({@code UIM_*} settings); with
     * {@code fresh} its data directory is wiped first, without it a restart finds its database again.
     */
    public static IspProcess launch(
            String name, String domain, int port, int brokerPort, Map<String, String> env, boolean fresh) {
        return launch(name, Repo.processesDir().resolve(domain), domain, port, brokerPort, env, fresh);
    }

    /** As above, with the data directory named explicitly (for a second federation beside the shared one). */
    public static IspProcess launch(
            String name, Path data, String domain, int port, int brokerPort, Map<String, String> env, boolean fresh) {
        if (fresh) {
            Repo.deleteRecursively(data);
        }
        ManagedProcess process = ManagedProcess.start(
                name,
                List.of(
                        "bash",
                        Repo.resolve("bin/uim").toString(),
                        "isp",
                        "--domain",
                        domain,
                        "--port",
                        "" + port,
                        "--data",
                        data.toString(),
                        "--broker-port",
                        "" + brokerPort),
                withWar(env));
        return new IspProcess(domain, port, process);
    }

    private static Map<String, String> withWar(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putIfAbsent("UIM_WAR", Repo.warSnapshot().toString());
        return all;
    }

    /**
     * Waits until {@code GET /health} answers 200, then until the REST API itself serves (an unauthenticated
     * {@code GET /api/v1/contacts} answers 401); fails with the log tail if the process dies or time runs out.
     * An API answer other than 401 after health said 200 is logged as a warning: the contract says /health is
     * the readiness signal, so that is a server problem worth seeing in the test output.
     */
    public IspProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Await.until(domain + " /health = 200", timeout, () -> {
                process.assertAlive();
                assertDeployed();
                return status("health") == 200;
            });
            long healthAt = System.nanoTime();
            Duration rest = Duration.ofNanos(
                    Math.max(deadline - healthAt, Duration.ofSeconds(30).toNanos()));
            java.util.Set<Integer> early = new java.util.TreeSet<>();
            Await.until(domain + " REST API serving (401 without a token)", rest, () -> {
                process.assertAlive();
                assertDeployed();
                int api = status("api/v1/contacts");
                if (api != 401) {
                    early.add(api);
                }
                return api == 401;
            });
            if (!early.isEmpty()) {
                long lag = Duration.ofNanos(System.nanoTime() - healthAt).toMillis();
                LOG.warning(() -> domain + ": /health answered 200 but the API answered " + early + " for another "
                        + lag + " ms before serving");
            }
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + " (health: " + status("health") + ", api: " + status("api/v1/contacts") + ")\n"
                            + process.logTail(80),
                    e);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - launchedAt).toSeconds();
        List<String> severe = process.logLines("SEVERE");
        LOG.info(() -> domain + " healthy on port " + port + ", " + seconds + " s after launch");
        if (!severe.isEmpty()) {
            LOG.warning(() -> domain + " logged " + severe.size() + " SEVERE line(s), first: " + severe.get(0));
        }
        return this;
    }

    /** Payara Micro prints "ready" even when the WAR failed to deploy: fail fast on that. */
    private void assertDeployed() {
        List<String> failed = new java.util.ArrayList<>(process.logLines("Exception while preparing the app"));
        failed.addAll(process.logLines("Exception while loading the app"));
        if (!failed.isEmpty()) {
            throw new AssertionError(
                    domain + ": the application failed to deploy: " + failed + "\n" + process.logTail(80));
        }
    }

    /** Returns true as soon as {@code /health} answers 200 (no waiting). */
    public boolean isHealthy() {
        return status("health") == 200;
    }

    /** The status of an unauthenticated GET of {@code path} (relative to the base URL), -1 if no answer. */
    private int status(String path) {
        try {
            HttpResponse<Void> response = Http.CLIENT.send(
                    HttpRequest.newBuilder(baseUri().resolve(path))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String domain() {
        return domain;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:P/} */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public ApiClient api() {
        return new ApiClient(baseUri());
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop();
    }

    /** One shared HTTP client for health probes. */
    static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        private Http() {}
    }
}

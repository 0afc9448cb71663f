package im.universal.bench.federation;

import im.universal.bench.client.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A broker and two ISPs started as users start them ({@code bin/uim broker}, {@code bin/uim isp}) on the
 * benchmark's own ports with fresh data under {@code target/bench/}. The ISPs start one after the other, so each
 * start-up time is measured without the other competing for the two cores. Stopped on close and, through a
 * shutdown hook, on Ctrl-C or a failure.
 */
public final class LocalFederation implements Host, AutoCloseable {
    public static final String ALPHA = "alpha.test";
    public static final String BETA = "beta.test";
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ISP_TIMEOUT = Duration.ofSeconds(240);
    /** Idle memory is read this long after both ISPs are ready (start-up garbage settles, the hello is done). */
    private static final long IDLE_SETTLE_MILLIS = 10_000;

    private final FederationSettings settings;
    private final Map<String, ChildProcess> isps = new HashMap<>();
    private final Map<String, Duration> startups = new HashMap<>();
    private final Map<String, Long> idleRss = new HashMap<>();
    private final Thread hook = new Thread(this::stopAll, "bench-federation-stop");
    private ChildProcess broker;

    private LocalFederation(FederationSettings settings) {
        this.settings = settings;
    }

    /** Starts broker, alpha, then beta, and waits until both ISPs are ready. */
    public static LocalFederation start(FederationSettings settings) {
        LocalFederation federation = new LocalFederation(settings);
        Runtime.getRuntime().addShutdownHook(federation.hook);
        try {
            federation.boot();
            return federation;
        } catch (RuntimeException e) {
            federation.close();
            throw e;
        }
    }

    public Endpoints endpoints() {
        return new Endpoints(uri(settings.alphaPort()), ALPHA, uri(settings.betaPort()), BETA, this);
    }

    private void boot() {
        requireFree(settings.brokerPort());
        requireFree(settings.alphaPort());
        requireFree(settings.betaPort());
        deleteRecursively(settings.dataDir());
        log("broker on port " + settings.brokerPort() + ", data " + settings.dataDir());
        broker = ChildProcess.start(
                "broker",
                List.of(uim(), "broker", "--port", "" + settings.brokerPort(), "--data", dir("broker")),
                Map.of(),
                logFile("broker"),
                settings.root());
        await("broker", BROKER_TIMEOUT, broker, () -> broker.logContains("UIM BROKER READY"));
        launch(ALPHA, settings.alphaPort(), true);
        launch(BETA, settings.betaPort(), true);
        try {
            Thread.sleep(IDLE_SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        for (String domain : List.of(ALPHA, BETA)) {
            rssKb(domain).ifPresent(kb -> idleRss.put(domain, kb));
            log(domain + " idle RSS " + idleRss.get(domain) / 1024 + " MB");
        }
    }

    @Override
    public OptionalLong idleRssKb(String domain) {
        Long kb = idleRss.get(domain);
        return kb == null ? OptionalLong.empty() : OptionalLong.of(kb);
    }

    private void launch(String domain, int port, boolean fresh) {
        if (fresh) {
            deleteRecursively(Path.of(dir(domain)));
        }
        long started = System.nanoTime();
        List<String> command = List.of(
                uim(),
                "isp",
                "--domain",
                domain,
                "--port",
                "" + port,
                "--data",
                dir(domain),
                "--broker-port",
                "" + settings.brokerPort());
        ChildProcess isp =
                ChildProcess.start(domain, command, settings.ispEnv(domain), logFile(domain), settings.root());
        isps.put(domain, isp);
        Api api = new Api(uri(port));
        await(domain, ISP_TIMEOUT, isp, () -> {
            if (isp.logContains("Exception while preparing the app")
                    || isp.logContains("Exception while loading the app")) {
                throw new IllegalStateException(domain + ": the application failed to deploy\n" + isp.logTail(40));
            }
            return api.status("health") == 200 && api.status("api/v1/contacts") == 401;
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        startups.put(domain, took);
        log(domain + " ready on port " + port + " after " + took.toMillis() + " ms (pid " + isp.pid() + ")");
    }

    @Override
    public OptionalLong rssKb(String domain) {
        ChildProcess isp = isps.get(domain);
        return isp == null ? OptionalLong.empty() : ProcessMemory.rssKb(isp.pid());
    }

    @Override
    public OptionalLong liveHeapKb(String domain) {
        ChildProcess isp = isps.get(domain);
        return isp == null ? OptionalLong.empty() : HeapProbe.usedKbAfterGc(isp.pid());
    }

    /** The pid of an ISP's JVM (for jcmd). */
    public OptionalLong pid(String domain) {
        ChildProcess isp = isps.get(domain);
        return isp == null ? OptionalLong.empty() : OptionalLong.of(isp.pid());
    }

    @Override
    public Optional<Duration> startup(String domain) {
        return Optional.ofNullable(startups.get(domain));
    }

    /** Graceful stop (SIGTERM: Payara shuts down and H2 closes its file), then a start on the same data. */
    @Override
    public boolean freeze(String domain, boolean frozen) {
        ChildProcess isp = isps.get(domain);
        if (isp == null) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(isp.pid()))
                    .inheritIO()
                    .start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean restart(String domain) {
        ChildProcess isp = isps.get(domain);
        if (isp == null) {
            return false;
        }
        int status = isp.stop();
        log(domain + " stopped (SIGTERM, exit status " + status + "); starting it again on the same data");
        launch(domain, domain.equals(ALPHA) ? settings.alphaPort() : settings.betaPort(), false);
        return true;
    }

    /** Fails with the log tail if a process of the federation has died. */
    public void assertAlive() {
        List<ChildProcess> all = new ArrayList<>(isps.values());
        all.add(broker);
        for (ChildProcess p : all) {
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(p.name() + " died; log " + p.log() + ":\n" + p.logTail(30));
            }
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stopAll
        }
    }

    private synchronized void stopAll() {
        for (String domain : List.of(BETA, ALPHA)) {
            ChildProcess isp = isps.remove(domain);
            if (isp != null) {
                log("stopping " + domain);
                isp.stop();
            }
        }
        if (broker != null) {
            log("stopping broker");
            broker.stop();
            broker = null;
        }
    }

    private interface Probe {
        boolean ready() throws Exception;
    }

    private static void await(String name, Duration timeout, ChildProcess process, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!probe.ready()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            name + " exited during start-up; log " + process.log() + ":\n" + process.logTail(30));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; log "
                            + process.log() + ":\n" + process.logTail(30));
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use (a previous benchmark still running?)");
        }
    }

    private String uim() {
        return settings.root().resolve("bin/uim").toString();
    }

    private String dir(String name) {
        return settings.dataDir().resolve(name).toString();
    }

    private Path logFile(String name) {
        return settings.dataDir().resolve("logs").resolve(name + ".log");
    }

    private static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}

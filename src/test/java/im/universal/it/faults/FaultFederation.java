package im.universal.it.faults;

import im.universal.it.support.BrokerProcess;
import im.universal.it.support.Federation;
import im.universal.it.support.IspProcess;
import im.universal.it.support.PostgresServer;
import im.universal.it.support.Repo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A federation of its own for fault tests (the shared one must not be disturbed): a broker and up to three ISPs
 * that a test may kill, stop and restart with their data kept. Ports: broker 61640, ISPs 8161-8163 (+100 per slot).
 * Seeding hundreds of users is test set-up, so these ISPs hash passwords with fewer rounds and allow many
 * registrations per address ({@code UIM_PASSWORD_ITERATIONS}, {@code UIM_REGISTRATION_PER_ADDRESS_PER_MINUTE}).
 */
final class FaultFederation implements AutoCloseable {
    static final int BROKER_PORT = 61640 + 100 * Federation.SLOT;
    static final Map<String, Integer> PORTS = Map.of(
            "alpha.test", 8161 + 100 * Federation.SLOT,
            "beta.test", 8162 + 100 * Federation.SLOT,
            "gamma.test", 8163 + 100 * Federation.SLOT);
    static final Duration START = IspProcess.START_TIMEOUT;
    private static final Map<String, String> ENV = Map.of(
            "UIM_PASSWORD_ITERATIONS", "1000",
            "UIM_REGISTRATION_PER_ADDRESS_PER_MINUTE", "100000",
            "UIM_LOGIN_FAILURES_PER_ADDRESS", "1000");

    private BrokerProcess broker;
    private PostgresServer postgres;
    private final Map<String, IspProcess> isps = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> databases = new LinkedHashMap<>();

    BrokerProcess broker() {
        return broker;
    }

    IspProcess isp(String domain) {
        return isps.get(domain);
    }

    void startBroker(boolean fresh) {
        broker = BrokerProcess.start("faults-broker-" + count("broker"), BROKER_PORT, fresh);
    }

    /**
     * Gives {@code domain} a PostgreSQL database (a real server, started once for the class) instead of the
     * embedded H2 file, which writes commits in the background and so cannot survive a SIGKILL intact.
     */
    void usePostgres(String domain) {
        if (postgres == null) {
            postgres = PostgresServer.start();
        }
        databases.put(domain, postgres.databaseFor(domain));
    }

    /** Launches (or relaunches, keeping its database) an ISP and waits until it serves. */
    IspProcess startIsp(String domain, boolean fresh) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.putAll(databases.getOrDefault(domain, Map.of()));
        IspProcess isp = IspProcess.launch(
                "faults-" + domain + "-" + count(domain),
                dataOf(domain),
                domain,
                PORTS.get(domain),
                BROKER_PORT,
                env,
                fresh);
        isps.put(domain, isp);
        return isp.awaitHealthy(START);
    }

    private static Path dataOf(String domain) {
        return Repo.processesDir().resolve("faults").resolve(domain);
    }

    private int count(String what) {
        return starts.merge(what, 1, Integer::sum);
    }

    @Override
    public void close() {
        isps.values().forEach(IspProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}

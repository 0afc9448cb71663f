package im.universal.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A broker and two ISPs as real processes, started the way an operator starts them ({@code bin/uim broker},
 * {@code bin/uim isp}). Ports are the system-test ones (the demo's 61616/8081/8082 stay free).
 * Obtain it through {@link FederationExtension}: it starts once per test run and stops when the run ends.
 */
public final class Federation implements AutoCloseable {

    /**
     * Port slot ({@code -Duim.it.slot=N}): slot N uses broker 61620+100N and ISPs 8181+100N / 8182+100N, so test
     * runs of different people on one machine do not collide. Slot 0 is the default (and CI's).
     */
    public static final int SLOT = Integer.getInteger("uim.it.slot", 0);

    public static final int BROKER_PORT = 61620 + 100 * SLOT;
    public static final String ALPHA = "alpha.test";
    public static final String BETA = "beta.test";
    /** The first operator of each ISP's admin console (test credentials; the console has no default password). */
    public static final String OPERATOR = System.getProperty("uim.admin.user", "operator");

    public static final String OPERATOR_PASSWORD = System.getProperty("uim.admin.password", "operator-password-it");

    private static final Map<String, String> ISP_ENV =
            Map.of("UIM_ADMIN_USER", OPERATOR, "UIM_ADMIN_PASSWORD", OPERATOR_PASSWORD);

    /**
     * The ISPs' database ({@code -Duim.it.db}): {@code h2} (the embedded default) or {@code postgres} (a real
     * PostgreSQL server, one database per ISP). The build runs the over-the-wire suite once with each.
     */
    public static final String DATABASE = System.getProperty("uim.it.db", "h2");

    public static final Map<String, Integer> ISP_PORTS = Map.of(ALPHA, 8181 + 100 * SLOT, BETA, 8182 + 100 * SLOT);

    /**
     * On 2 cores two Payara boots at once slow each other down (~75 s each): beta starts when alpha is healthy,
     * or after this head start at the latest.
     */
    private static final Duration HEAD_START = Duration.ofSeconds(90);

    private static final Logger LOG = Logger.getLogger(Federation.class.getName());

    private final BrokerProcess broker;
    private final IspProcess alpha;
    private final IspProcess beta;
    private final AutoCloseable database;

    private Federation(BrokerProcess broker, IspProcess alpha, IspProcess beta, AutoCloseable database) {
        this.broker = broker;
        this.alpha = alpha;
        this.beta = beta;
        this.database = database;
    }

    /** Starts broker, alpha.test, then beta.test (staggered), and waits until both ISPs are healthy. */
    public static Federation start() {
        long started = System.nanoTime();
        List<AutoCloseable> startedSoFar = new ArrayList<>();
        try {
            PostgresServer postgres = usesPostgres() ? PostgresServer.start() : null;
            AutoCloseable database = postgres == null ? () -> {} : postgres;
            startedSoFar.add(database);
            BrokerProcess broker = BrokerProcess.start(BROKER_PORT);
            startedSoFar.add(broker);
            IspProcess alpha = IspProcess.launch(
                    logName(ALPHA), ALPHA, ISP_PORTS.get(ALPHA), BROKER_PORT, envOf(ALPHA, postgres), true);
            startedSoFar.add(alpha);
            try {
                Await.until(ALPHA + " head start", HEAD_START, () -> {
                    alpha.process().assertAlive();
                    return alpha.isHealthy();
                });
            } catch (AssertionError headStartOver) {
                if (!alpha.process().isAlive()) {
                    throw headStartOver;
                }
            }
            IspProcess beta = IspProcess.launch(
                    logName(BETA), BETA, ISP_PORTS.get(BETA), BROKER_PORT, envOf(BETA, postgres), true);
            startedSoFar.add(beta);
            alpha.awaitHealthy(IspProcess.START_TIMEOUT);
            beta.awaitHealthy(IspProcess.START_TIMEOUT);
            LOG.info(() -> "federation (" + DATABASE + ") up after "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            return new Federation(broker, alpha, beta, database);
        } catch (RuntimeException | Error e) {
            for (int i = startedSoFar.size() - 1; i >= 0; i--) {
                try {
                    startedSoFar.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Whether the ISPs of this run keep their data in PostgreSQL rather than H2. */
    public static boolean usesPostgres() {
        return switch (DATABASE) {
            case "h2" -> false;
            case "postgres" -> true;
            default -> throw new IllegalArgumentException("uim.it.db must be h2 or postgres, not " + DATABASE);
        };
    }

    private static Map<String, String> envOf(String domain, PostgresServer postgres) {
        Map<String, String> env = new java.util.HashMap<>(ISP_ENV);
        if (postgres != null) {
            env.putAll(postgres.databaseFor(domain));
        }
        return env;
    }

    private static String logName(String domain) {
        return usesPostgres() ? "pg-" + domain : domain;
    }

    public BrokerProcess broker() {
        return broker;
    }

    public IspProcess alpha() {
        return alpha;
    }

    public IspProcess beta() {
        return beta;
    }

    public IspProcess isp(String domain) {
        return switch (domain) {
            case ALPHA -> alpha;
            case BETA -> beta;
            default -> throw new IllegalArgumentException("no ISP " + domain + " in this federation");
        };
    }

    /** Fails with the logs' tails if a process of the federation has died. */
    public void assertAllAlive() {
        broker.process().assertAlive();
        alpha.process().assertAlive();
        beta.process().assertAlive();
    }

    @Override
    public void close() {
        beta.close();
        alpha.close();
        broker.close();
        try {
            database.close();
        } catch (Exception e) {
            LOG.warning(() -> "closing the database failed: " + e);
        }
    }
}

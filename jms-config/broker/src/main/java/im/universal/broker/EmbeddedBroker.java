package im.universal.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;

/**
 * An in-process Artemis broker started from a broker.xml (normally {@code jms-config/broker/etc/broker.xml}).
 *
 * <p>Usable from any module's tests (depend on {@code im.universal:uim-broker}, test scope):
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.startBundled(61750, tempDir)) {
 *     // connect to tcp://127.0.0.1:61750 as alpha.test / alpha-secret ...
 * }
 * }</pre>
 *
 * Users and roles are read from {@code users.properties} and {@code roles.properties} beside broker.xml
 * (JAAS {@code PropertiesLoginModule}, see {@link JaasConfig}). The acceptor port is given to broker.xml as system
 * property {@code uim.broker.port}, the data directory as {@code uim.broker.data}; both stay set afterwards (a hot
 * reload of broker.xml substitutes them again).
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** Files of {@code etc/} packaged in this jar under {@value #BUNDLED_ETC}. */
    public static final List<String> ETC_FILES =
            List.of("broker.xml", JaasConfig.USERS_FILE, JaasConfig.ROLES_FILE, "login.config");

    static final String BUNDLED_ETC = "/im/universal/broker/etc/";
    private static final long ACTIVATION_TIMEOUT_SECONDS = 60;
    private static final Object SYSTEM_PROPERTIES_LOCK = new Object();

    /**
     * Artemis' audit loggers write one INFO line per connection, session and message: off unless asked for
     * (system property uim.broker.audit, or a JUL level set for org.apache.activemq.audit). Kept in a field so
     * that JUL does not forget the level.
     */
    private static final Logger AUDIT_LOGGER = quietAuditLogger();

    private final EmbeddedActiveMQ embedded;
    private final int port;
    private final Path dataDir;
    private final Path config;

    private EmbeddedBroker(EmbeddedActiveMQ embedded, int port, Path dataDir, Path config) {
        this.embedded = embedded;
        this.port = port;
        this.dataDir = dataDir;
        this.config = config;
    }

    /**
     * Starts a broker and waits until it is active and its acceptor listens.
     *
     * @param config broker.xml; users.properties and roles.properties must be in the same directory
     * @param port acceptor port (127.0.0.1 unless system property {@code uim.broker.host} says otherwise)
     * @param dataDir created if missing; journal, bindings, paging and large messages go under it. Reusing the
     *     directory of a stopped broker restores its persistent messages.
     */
    public static EmbeddedBroker start(Path config, int port, Path dataDir) throws Exception {
        Path configFile = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("broker configuration not found: " + configFile);
        }
        Path etcDir = configFile.getParent();
        for (String file : List.of(JaasConfig.USERS_FILE, JaasConfig.ROLES_FILE)) {
            if (!Files.isRegularFile(etcDir.resolve(file))) {
                throw new IllegalArgumentException(file + " not found beside " + configFile);
            }
        }
        Path data = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(data);

        Configuration configuration = load(configFile, port, data);
        configuration.setJournalDirectory(data.resolve("journal").toString());
        configuration.setBindingsDirectory(data.resolve("bindings").toString());
        configuration.setPagingDirectory(data.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        configuration.setNodeManagerLockDirectory(data.resolve("journal").toString());

        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration);
        embedded.setSecurityManager(new ActiveMQJAASSecurityManager(JaasConfig.DOMAIN, new JaasConfig(etcDir)));
        embedded.start();
        try {
            ActiveMQServer server = embedded.getActiveMQServer();
            // a primary broker activates inside start(): not active now means start-up failed (already logged);
            // only a backup (HA configuration) activates later
            boolean backup =
                    server.getHAPolicy() != null && server.getHAPolicy().isBackup();
            if (!server.isActive()
                    && (!backup || !server.waitForActivation(ACTIVATION_TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
                throw new IllegalStateException("broker did not become active (see the log above)");
            }
            Acceptor acceptor = server.getRemotingService().getAcceptors().values().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("broker.xml defines no acceptor"));
            if (!acceptor.isStarted()) {
                throw new IllegalStateException("acceptor did not start (port " + port + " in use?)");
            }
        } catch (Exception | Error e) {
            try {
                embedded.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return new EmbeddedBroker(embedded, port, data, configFile);
    }

    /**
     * Starts a broker with the configuration packaged in this jar (a copy of {@code jms-config/broker/etc}),
     * copied to {@code dataDir/etc} first. Handy for tests of other modules: no path to the source tree needed.
     */
    public static EmbeddedBroker startBundled(int port, Path dataDir) throws Exception {
        return start(copyBundledConfig(dataDir.resolve("etc")), port, dataDir);
    }

    /** Copies the packaged etc files into {@code targetDir} (overwriting) and returns the broker.xml path. */
    public static Path copyBundledConfig(Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        for (String file : ETC_FILES) {
            try (InputStream in = EmbeddedBroker.class.getResourceAsStream(BUNDLED_ETC + file)) {
                if (in == null) {
                    throw new IOException("bundled broker configuration missing: " + BUNDLED_ETC + file);
                }
                Files.copy(in, targetDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return targetDir.resolve("broker.xml");
    }

    private static Logger quietAuditLogger() {
        Logger audit = Logger.getLogger("org.apache.activemq.audit");
        if (audit.getLevel() == null && System.getProperty("uim.broker.audit") == null) {
            audit.setLevel(Level.WARNING);
        }
        return audit;
    }

    private static Configuration load(Path configFile, int port, Path data) throws Exception {
        synchronized (SYSTEM_PROPERTIES_LOCK) {
            System.setProperty("uim.broker.port", Integer.toString(port));
            System.setProperty("uim.broker.data", data.toString());
            FileConfiguration configuration = new FileConfiguration();
            FileDeploymentManager deploymentManager =
                    new FileDeploymentManager(configFile.toUri().toString());
            deploymentManager.addDeployable(configuration);
            deploymentManager.readConfiguration();
            return configuration;
        }
    }

    /** The acceptor URL for clients, e.g. {@code tcp://127.0.0.1:61616}. */
    public String url() {
        return "tcp://" + System.getProperty("uim.broker.host", "127.0.0.1") + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path config() {
        return config;
    }

    public boolean isActive() {
        ActiveMQServer server = embedded.getActiveMQServer();
        return server != null && server.isActive();
    }

    /** The running Artemis server, for tests that need to look inside (queues, counters). */
    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    /** Stops the broker; persistent messages stay in the data directory. Idempotent. */
    @Override
    public synchronized void close() throws Exception {
        ActiveMQServer server = embedded.getActiveMQServer();
        if (server != null && server.isStarted()) {
            embedded.stop();
        }
    }
}

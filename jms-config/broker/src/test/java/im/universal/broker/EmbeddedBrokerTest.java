package im.universal.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself: options, bundled configuration, start-up failures. */
class EmbeddedBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void parsesOptionsWithDefaults() {
        BrokerOptions defaults = BrokerOptions.parse();
        assertEquals(61616, defaults.port());
        assertEquals(Path.of("jms-config", "broker", "etc", "broker.xml"), defaults.config());

        BrokerOptions options = BrokerOptions.parse("--port", "61750", "--data=/tmp/x", "--config", "a/broker.xml");
        assertEquals(61750, options.port());
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertEquals(Path.of("a/broker.xml"), options.config());

        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port", "http"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> BrokerOptions.parse("--bogus"));
    }

    @Test
    void bundledConfigurationIsACopyOfEtc() throws Exception {
        Path copy = EmbeddedBroker.copyBundledConfig(dataDir.resolve("etc"));
        Path etc = BrokerTestSupport.brokerXml().getParent();
        for (String file : EmbeddedBroker.ETC_FILES) {
            assertEquals(
                    Files.readString(etc.resolve(file)),
                    Files.readString(copy.resolveSibling(file)),
                    file + " in the jar differs from etc/");
        }
    }

    @Test
    void startsWithTheBundledConfigurationAndStopsCleanly() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.startBundled(BrokerTestSupport.freePort(), dataDir);
        try (broker;
                JMSContext alpha =
                        BrokerTestSupport.context(broker, BrokerTestSupport.ALPHA, BrokerTestSupport.ALPHA_PASSWORD)) {
            assertTrue(broker.isActive());
            alpha.createProducer().send(alpha.createQueue("uim.isp.beta.test"), "ping");
        }
        assertFalse(broker.isActive());
        broker.close(); // idempotent
        assertTrue(Files.isDirectory(dataDir.resolve("journal")), "journal under the data directory");
    }

    @Test
    void refusesToStartWhenThePortIsTaken() throws Exception {
        int port = BrokerTestSupport.freePort();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThrows(Exception.class, () -> EmbeddedBroker.start(BrokerTestSupport.brokerXml(), port, dataDir)
                    .close());
        }
    }

    @Test
    void refusesAConfigurationWithoutUsersFile() throws Exception {
        Path config = dataDir.resolve("lonely").resolve("broker.xml");
        Files.createDirectories(config.getParent());
        Files.copy(BrokerTestSupport.brokerXml(), config);
        assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.start(
                        config, BrokerTestSupport.freePort(), dataDir)
                .close());
    }
}

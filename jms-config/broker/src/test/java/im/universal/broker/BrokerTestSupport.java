package im.universal.broker;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Helpers shared by the broker tests: ports 61700-61799, the real etc/ config, JMS contexts per ISP. */
final class BrokerTestSupport {

    static final int FIRST_PORT = 61700;
    static final int LAST_PORT = 61799;
    static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

    /** Demo passwords, as in etc/users.properties. */
    static final String ALPHA = "alpha.test";

    static final String ALPHA_PASSWORD = "alpha-secret";
    static final String BETA = "beta.test";
    static final String BETA_PASSWORD = "beta-secret";
    static final String GAMMA = "gamma.test";
    static final String GAMMA_PASSWORD = "gamma-secret";

    private BrokerTestSupport() {}

    /** The real configuration of this module ({@code etc/broker.xml}), not a test copy. */
    static Path brokerXml() {
        String etc = System.getProperty("uim.broker.etc", "etc");
        Path config = Path.of(etc, "broker.xml").toAbsolutePath();
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("broker.xml not found at " + config);
        }
        return config;
    }

    /** A port in 61700-61799 that is free right now on 127.0.0.1. */
    static int freePort() {
        int start = FIRST_PORT + (int) (ProcessHandle.current().pid() % 50);
        for (int i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
            int port = FIRST_PORT + (start - FIRST_PORT + i) % (LAST_PORT - FIRST_PORT + 1);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                return port;
            } catch (IOException inUse) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }

    static ActiveMQConnectionFactory connectionFactory(EmbeddedBroker broker) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url() + "?reconnectAttempts=0");
        factory.setCallTimeout(10_000);
        return factory;
    }

    /**
     * A context authenticated as {@code user}. The factory is not closed here: closing an Artemis connection
     * factory closes its server locator and with it every connection it made.
     */
    static JMSContext context(EmbeddedBroker broker, String user, String password) {
        return connectionFactory(broker).createContext(user, password);
    }

    static String uniqueBody(String what) {
        return what + " " + UUID.randomUUID();
    }

    /** Receives until a text message with this body arrives (earlier ones are skipped), or fails after timeout. */
    static TextMessage receiveBody(JMSConsumer consumer, String body) throws JMSException {
        long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no message '" + body + "' within " + RECEIVE_TIMEOUT.toSeconds() + " s");
            }
            Message message = consumer.receive(left);
            if (message instanceof TextMessage text && body.equals(text.getText())) {
                return text;
            }
        }
    }
}

package im.universal.it.micro;

import im.universal.broker.EmbeddedBroker;
import im.universal.it.support.Repo;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the broker in-process (jms-config/broker/etc/broker.xml, fresh journal) before Arquillian deploys, and
 * wipes the data directory of the ISP under test. Register it BEFORE {@code ArquillianExtension}: JUnit runs
 * before-all callbacks in registration order and after-all callbacks in reverse.
 *
 * <p>Port and directories come from the failsafe configuration in it/pom.xml ({@code it.micro.broker.port},
 * {@code it.micro.dir}; the ISP reads {@code UIM_*} from the environment failsafe gives the test JVM).
 */
public final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerExtension.class.getName());
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        int port = Integer.getInteger("it.micro.broker.port", 61690);
        Path dir = Path.of(System.getProperty(
                "it.micro.dir", Repo.resolve("it/target/micro-it").toString()));
        String ispData = System.getenv("UIM_DATA_DIR");
        if (ispData != null && !ispData.isBlank()) {
            Repo.deleteRecursively(Path.of(ispData));
        }
        Path brokerData = dir.resolve("broker");
        Repo.deleteRecursively(brokerData);
        EmbeddedBroker broker =
                EmbeddedBroker.start(Repo.resolve("jms-config/broker/etc/broker.xml"), port, brokerData);
        LOG.info(() -> "embedded broker ready at " + broker.url());
        context.getStore(NAMESPACE).put(EmbeddedBroker.class, broker);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        EmbeddedBroker broker = context.getStore(NAMESPACE).remove(EmbeddedBroker.class, EmbeddedBroker.class);
        if (broker != null) {
            broker.close();
        }
    }
}

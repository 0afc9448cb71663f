package im.universal.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Universal IM broker in the foreground until SIGTERM / SIGINT.
 *
 * <pre>
 * java -cp 'jms-config/broker/target/uim-broker.jar:jms-config/broker/target/lib/*' \
 *      im.universal.broker.BrokerMain --port 61616 --data /tmp/uim-broker
 * </pre>
 *
 * Prints {@code UIM BROKER READY port=N} on standard output once the broker accepts connections.
 * If {@code --config} is not given and {@code jms-config/broker/etc/broker.xml} does not exist below the working
 * directory, the configuration packaged in the jar is copied to {@code DATA/etc} and used.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // one line per log record instead of JUL's default two
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s - %5$s%6$s%n");
        }
        BrokerOptions options;
        try {
            options = BrokerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path config = options.config();
        if (!Files.isRegularFile(config) && !containsConfig(args)) {
            config = EmbeddedBroker.copyBundledConfig(options.dataDir().resolve("etc"));
        }

        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(config, options.port(), options.dataDir());
        } catch (Exception e) {
            System.err.println("UIM BROKER FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                broker.close();
                                System.out.println("UIM BROKER STOPPED port=" + options.port());
                            } catch (Exception e) {
                                System.err.println("UIM BROKER stop failed: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "uim-broker-shutdown"));

        System.out.println("UIM BROKER config=" + broker.config() + " data=" + broker.dataDir());
        System.out.println("UIM BROKER READY port=" + options.port());
        System.out.flush();
        stopped.await();
    }

    private static boolean containsConfig(String[] args) {
        for (String arg : args) {
            if (arg.equals("--config") || arg.startsWith("--config=")) {
                return true;
            }
        }
        return false;
    }
}

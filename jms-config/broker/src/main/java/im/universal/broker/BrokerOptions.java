package im.universal.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Command line of {@link BrokerMain}: {@code --port N --data DIR --config FILE}.
 *
 * @param port acceptor port on 127.0.0.1
 * @param dataDir journal, bindings, paging and large-message directories are created under it
 * @param config the broker.xml to load; users.properties and roles.properties are read from its directory
 */
public record BrokerOptions(int port, Path dataDir, Path config) {

    public static final int DEFAULT_PORT = 61616;
    public static final Path DEFAULT_CONFIG = Path.of("jms-config", "broker", "etc", "broker.xml");
    public static final Path DEFAULT_DATA = Path.of("target", "broker-data");

    public BrokerOptions {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(config, "config");
    }

    /** Parses {@code --port N}, {@code --data DIR}, {@code --config FILE} (also {@code --name=value}). */
    public static BrokerOptions parse(String... args) {
        int port = DEFAULT_PORT;
        Path data = DEFAULT_DATA;
        Path config = DEFAULT_CONFIG;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--port", "--data", "--config" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value after " + name);
                        }
                        value = args[++i];
                    }
                }
                case "--help", "-h" -> throw new IllegalArgumentException(usage());
                default -> throw new IllegalArgumentException("unknown argument: " + arg + "\n" + usage());
            }
            switch (name) {
                case "--port" -> port = parsePort(value);
                case "--data" -> data = Path.of(value);
                default -> config = Path.of(value);
            }
        }
        return new BrokerOptions(port, data, config);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + value, e);
        }
    }

    public static String usage() {
        return "usage: BrokerMain [--port N (default " + DEFAULT_PORT + ")] [--data DIR (default " + DEFAULT_DATA
                + ")] [--config broker.xml (default " + DEFAULT_CONFIG + ")]";
    }
}

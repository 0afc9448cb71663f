package im.universal.it.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Artemis broker, started with {@code bin/uim broker --port N --data DIR}. */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final ManagedProcess process;

    private BrokerProcess(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts a broker with a fresh journal and waits for its {@code UIM BROKER READY port=N} line. */
    public static BrokerProcess start(int port) {
        return start("broker-" + port, port, true);
    }

    /** Starts a broker under the log name {@code name}; without {@code fresh} it keeps its journal (a restart). */
    public static BrokerProcess start(String name, int port, boolean fresh) {
        var data = Repo.processesDir().resolve("broker-" + port);
        if (fresh) {
            Repo.deleteRecursively(data);
        }
        ManagedProcess process = ManagedProcess.start(
                name,
                List.of("bash", Repo.resolve("bin/uim").toString(), "broker", "--port", "" + port, "--data", "" + data),
                Map.of());
        BrokerProcess broker = new BrokerProcess(port, process);
        try {
            String ready = "UIM BROKER READY port=" + port;
            Await.until("broker on port " + port + " (" + ready + ")", START_TIMEOUT, () -> {
                process.assertAlive();
                return process.logText().contains(ready);
            });
        } catch (AssertionError e) {
            process.stop();
            throw new AssertionError(e.getMessage() + "\n" + process.logTail(60), e);
        }
        return broker;
    }

    public int port() {
        return port;
    }

    /** The CORE URL clients use, e.g. {@code tcp://127.0.0.1:61620}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop();
    }
}

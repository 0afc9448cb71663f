package im.universal.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A child process started the way an operator would (through {@code bin/uim}), with stdout and stderr in a log
 * file. Stopped with SIGTERM, then killed if it does not exit in time; a JVM shutdown hook makes sure nothing
 * outlives an aborted test run.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ManagedProcess.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Path log;
    private final Process process;
    private final Thread shutdownHook;

    private ManagedProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.shutdownHook = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in the repository root. Inherited {@code UIM_*} variables (the Arquillian run sets
     * some for its own ISP) are removed so that only {@code extraEnv} and bin/uim's defaults apply.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> extraEnv) {
        Path log = Repo.processesDir().resolve(name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Repo.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("UIM_"));
            env.put("UIM_NO_BUILD", "1");
            env.putAll(extraEnv);
            LOG.info(() -> "starting " + name + ": " + String.join(" ", command) + " (log " + log + ")");
            return new ManagedProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The whole log as text (empty if not written yet). */
    public String logText() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String logTail(int lines) {
        List<String> all = logText().lines().collect(Collectors.toList());
        List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
        return "---- last " + tail.size() + " lines of " + log + " ----\n" + String.join("\n", tail) + "\n----";
    }

    /** Lines of the log that contain {@code marker} (e.g. "SEVERE"). */
    public List<String> logLines(String marker) {
        return logText().lines().filter(l -> l.contains(marker)).collect(Collectors.toList());
    }

    /** Throws with the log tail if the process has exited. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with status " + process.exitValue() + "\n" + logTail(60));
        }
    }

    /** SIGTERM, wait up to 30 s, then SIGKILL. Returns the exit status. */
    public int stop() {
        try {
            if (process.isAlive()) {
                LOG.info(() -> "stopping " + name + " (pid " + process.pid() + ")");
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    LOG.warning(() -> name + " did not stop in " + STOP_GRACE.toSeconds() + " s, killing it");
                    kill();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return -1;
        } finally {
            removeShutdownHook();
        }
    }

    /** SIGKILL at once, like a crash: no shutdown hook, no clean close. */
    public void crash() {
        LOG.info(() -> "killing " + name + " (SIGKILL)");
        kill();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            removeShutdownHook();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}

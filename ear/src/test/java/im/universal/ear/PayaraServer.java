package im.universal.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An unpacked Payara Server driven through {@code asadmin}: a domain of its own with every port moved away from the
 * defaults (4848, 8080, ...), started with the environment the application reads.
 */
final class PayaraServer {

    /** Result of one asadmin call. */
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        Result orThrow() {
            if (!ok()) {
                throw new IllegalStateException(
                        "asadmin failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + output);
            }
            return this;
        }
    }

    private final Path home;
    private final String domain;
    private final int adminPort;
    private final int httpPort;
    private final Path workDir;

    /**
     * @param home the unpacked {@code payara6} directory
     * @param domain name of the domain to create under {@code glassfish/domains}
     * @param adminPort admin listener (asadmin, REST, console)
     * @param httpPort http-listener-1; the other ports are derived from it (https = +1, ...)
     * @param workDir where the output of each asadmin call is kept
     */
    PayaraServer(Path home, String domain, int adminPort, int httpPort, Path workDir) {
        this.home = home;
        this.domain = domain;
        this.adminPort = adminPort;
        this.httpPort = httpPort;
        this.workDir = workDir;
    }

    int adminPort() {
        return adminPort;
    }

    int httpPort() {
        return httpPort;
    }

    Path domainDir() {
        return home.resolve("glassfish").resolve("domains").resolve(domain);
    }

    Path serverLog() {
        return domainDir().resolve("logs").resolve("server.log");
    }

    /**
     * Stops a domain left running by an earlier, killed run and deletes it, then creates it afresh with ports of
     * its own: admin and http as given; https, JMX, IIOP, OSGi shell, debugger, OpenMQ and Hazelcast next to http.
     */
    void recreateDomain() {
        if (Files.isDirectory(domainDir())) {
            if (isListening(adminPort)) {
                asadmin(Duration.ofMinutes(2), Map.of(), "stop-domain", "--kill=true", domain);
            }
            deleteTree(domainDir());
        }
        if (isListening(adminPort) || isListening(httpPort)) {
            throw new IllegalStateException(
                    "port " + adminPort + " or " + httpPort + " is in use by another process; this test needs both");
        }
        int base = httpPort - 80;
        String properties = String.join(
                ":",
                "domain.jmxPort=" + (base + 86),
                "http.ssl.port=" + (base + 81),
                "java.debugger.port=" + (base + 9),
                "jms.port=" + (base + 76),
                "orb.listener.port=" + (base + 37),
                "orb.ssl.port=" + (base + 38),
                "orb.mutualauth.port=" + (base + 39),
                "osgi.shell.telnet.port=" + (base + 66),
                "hazelcast.das.port=" + (base + 49),
                "hazelcast.start.port=" + (base + 59));
        asadmin(
                        Duration.ofMinutes(3),
                        Map.of(),
                        "create-domain",
                        "--nopassword=true",
                        "--checkports=true",
                        "--adminport",
                        String.valueOf(adminPort),
                        "--instanceport",
                        String.valueOf(httpPort),
                        "--domainproperties",
                        properties,
                        domain)
                .orThrow();
    }

    /**
     * Starts the domain. The server JVM is a child of asadmin and inherits its environment, so {@code env} reaches
     * the application (Payara's {@code ${ENV=...}} and MicroProfile Config read it).
     */
    void startDomain(Map<String, String> env, Duration timeout) {
        asadmin(timeout, env, "start-domain", "--timeout", String.valueOf(timeout.toSeconds()), domain)
                .orThrow();
    }

    /** Stops the domain; kills it if a clean stop fails. Never throws. */
    Result stopDomain() {
        Result stop = asadmin(Duration.ofMinutes(3), Map.of(), "stop-domain", domain);
        if (!stop.ok() && isListening(adminPort)) {
            return asadmin(Duration.ofMinutes(1), Map.of(), "stop-domain", "--kill=true", domain);
        }
        return stop;
    }

    Result deploy(Path archive, String name, Duration timeout) {
        return remote(timeout, "deploy", "--name", name, "--force=true", archive.toString());
    }

    Result undeploy(String name) {
        return remote(Duration.ofMinutes(3), "undeploy", name);
    }

    /** An asadmin subcommand against this domain's admin port. */
    Result remote(Duration timeout, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(adminPort), "--host", "127.0.0.1"));
        all.addAll(List.of(args));
        return asadmin(timeout, Map.of(), all.toArray(String[]::new));
    }

    Result asadmin(Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "asadmin-" + subcommand(args) + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return new Result(command, -1, "timed out after " + timeout.toSeconds() + " s\n" + read(out));
            }
            Result result = new Result(command, process.exitValue(), read(out));
            System.out.printf(
                    "[payara] asadmin %s -> %d%n%s%n", String.join(" ", args), result.exitCode(), result.output());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /**
     * The SEVERE records of server.log (each with its message lines), at most {@code max} of them: the evidence to
     * show when a deployment or a request fails.
     */
    List<String> severeRecords(int max) {
        List<String> records = new ArrayList<>();
        if (!Files.isRegularFile(serverLog())) {
            return records;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("cannot read " + serverLog() + ": " + e);
        }
        for (int i = 0; i < lines.size() && records.size() < max; i++) {
            if (!lines.get(i).contains("[SEVERE]")) {
                continue;
            }
            StringBuilder record = new StringBuilder(lines.get(i));
            for (int j = i + 1; j < lines.size() && j < i + 40; j++) {
                record.append('\n').append(lines.get(j));
                if (lines.get(j).contains("]]")) {
                    i = j;
                    break;
                }
            }
            records.add(record.toString());
        }
        return records;
    }

    String severeSummary() {
        List<String> records = severeRecords(20);
        return records.isEmpty()
                ? "no SEVERE lines in " + serverLog()
                : records.size() + " SEVERE record(s) in " + serverLog() + ":\n" + String.join("\n", records);
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String subcommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") || args[i].equals("--host")) {
                i++;
            } else if (!args[i].startsWith("--")) {
                return args[i];
            }
        }
        return "asadmin";
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

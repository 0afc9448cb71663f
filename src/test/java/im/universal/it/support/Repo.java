package im.universal.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the checkout and its built artifacts are. */
public final class Repo {

    private Repo() {}

    /** The repository root: system property {@code uim.root} (set by the it/ POM) or found upwards from here. */
    public static Path root() {
        String configured = System.getProperty("uim.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/uim")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found: set -Duim.root");
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** it/target/processes (processes-slotN for -Duim.it.slot=N): logs and data of the processes the system tests start. */
    public static Path processesDir() {
        int slot = Integer.getInteger("uim.it.slot", 0);
        return root().resolve(slot == 0 ? "it/target/processes" : "it/target/processes-slot" + slot);
    }

    private static Path warSnapshot;

    /**
     * A private copy of the built WAR for the processes of this test run, so that a rebuild of web/ while tests
     * run (another terminal, an IDE) cannot hand a half-written archive to an ISP that is starting. The copy must
     * be a complete WAR (its libraries inside); a copy taken mid-write is taken again.
     */
    public static synchronized Path warSnapshot() {
        if (warSnapshot != null) {
            return warSnapshot;
        }
        Path source = resolve("web/target/uim.war");
        Path copy = processesDir().resolve("archives").resolve("uim.war");
        Await.until("a complete " + source, java.time.Duration.ofSeconds(120), () -> {
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (var zip = new java.util.zip.ZipFile(copy.toFile())) {
                    return zip.stream().anyMatch(e -> e.getName().startsWith("WEB-INF/lib/hibernate-core"));
                }
            } catch (IOException e) {
                return false;
            }
        });
        warSnapshot = copy;
        return copy;
    }

    /** The demo password of a broker user, from jms-config/broker/etc/users.properties. */
    public static String brokerPassword(String user) {
        Path file = resolve("jms-config/broker/etc/users.properties");
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            users.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String password = users.getProperty(user);
        if (password == null) {
            throw new IllegalStateException("no broker user " + user + " in " + file);
        }
        return password.trim();
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}

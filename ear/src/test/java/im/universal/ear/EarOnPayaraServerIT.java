package im.universal.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import im.universal.broker.EmbeddedBroker;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on a real Payara Server 6: unpacked by Maven into {@code target/payara6}, a domain of its own (admin 4948,
 * http 8380), an embedded Artemis broker on 61650, the Artemis resource adapter and then the EAR deployed with
 * asadmin, checked through the admin REST interface and smoke-tested over REST and WebSocket. The domain is stopped
 * and the broker closed afterwards, also when something fails; the server log stays in
 * {@code target/payara6/glassfish/domains/uim-it/logs/server.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final String DOMAIN_NAME = "uim-it";
    private static final String APP = "uim";
    private static final String RAR = "artemis-rar";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(8);

    private static final String ISP = property("uim.it.domain", "alpha.test");
    private static final int ADMIN_PORT = Integer.parseInt(property("uim.it.adminPort", "4948"));
    private static final int HTTP_PORT = Integer.parseInt(property("uim.it.httpPort", "8380"));
    private static final int BROKER_PORT = Integer.parseInt(property("uim.it.brokerPort", "61650"));
    private static final Path TARGET = Path.of(property("uim.it.target", "target"));

    private static EmbeddedBroker broker;
    private static PayaraServer payara;
    private static boolean rarDeployed;
    private static boolean earDeployed;
    private static UimClient client;
    private static Thread shutdownHook;
    private static volatile boolean stopped;

    @BeforeAll
    static void startServerAndDeploy() throws Exception {
        Path brokerConfig = Path.of(property("uim.it.brokerConfig", "../jms-config/broker/etc/broker.xml"));
        Path payaraHome =
                Path.of(property("uim.it.payaraHome", TARGET.resolve("payara6").toString()));
        Path ear = Path.of(property("uim.it.ear", TARGET.resolve("uim.ear").toString()));
        Path rar = Path.of(property(
                "uim.it.rar", TARGET.resolve("it").resolve("artemis-rar.rar").toString()));
        Path dataDir = TARGET.resolve("isp-data").toAbsolutePath();
        for (Path required :
                new Path[] {brokerConfig, ear, rar, payaraHome.resolve("bin").resolve("asadmin")}) {
            assertTrue(Files.isRegularFile(required), "missing " + required.toAbsolutePath());
        }

        PayaraServer.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Path brokerData = TARGET.resolve("it-broker-data");
        PayaraServer.deleteTree(brokerData);
        broker = EmbeddedBroker.start(brokerConfig, BROKER_PORT, brokerData);

        Path asadminLogs = TARGET.resolve("it").resolve("asadmin");
        PayaraServer.deleteTree(asadminLogs);
        payara = new PayaraServer(payaraHome, DOMAIN_NAME, ADMIN_PORT, HTTP_PORT, asadminLogs);
        payara.recreateDomain();
        // If the test JVM is ended early (Ctrl-C on Maven), do not leave a server behind.
        Thread stopOnExit = new Thread(EarOnPayaraServerIT::stopQuietly, "stop-payara-uim-it");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        shutdownHook = stopOnExit;

        // What the application reads (docs/operations.md); the server JVM inherits asadmin's environment.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("UIM_DOMAIN", ISP);
        env.put("UIM_DATA_DIR", dataDir.toString());
        env.put("UIM_BROKER_HOST", "127.0.0.1");
        env.put("UIM_BROKER_PORT", String.valueOf(BROKER_PORT));
        env.put("UIM_BROKER_USER", ISP);
        env.put("UIM_BROKER_PASSWORD", brokerPassword(brokerConfig.resolveSibling("users.properties"), ISP));
        env.put("UIM_BASE_URL", "http://localhost:" + HTTP_PORT);
        payara.startDomain(env, START_TIMEOUT);
        Poll.until("admin REST of the domain on :" + ADMIN_PORT, START_TIMEOUT, () -> adminApplications()
                .isPresent());

        PayaraServer.Result rarDeploy = payara.deploy(rar, RAR, DEPLOY_TIMEOUT);
        rarDeployed = rarDeploy.ok();
        assertTrue(
                rarDeployed,
                () -> "deploying " + rar + " failed:\n" + rarDeploy.output() + "\n" + payara.severeSummary());

        PayaraServer.Result earDeploy = payara.deploy(ear, APP, DEPLOY_TIMEOUT);
        earDeployed = earDeploy.ok();
        assertTrue(
                earDeployed,
                () -> "deploying " + ear + " failed:\n" + earDeploy.output() + "\n" + payara.severeSummary());

        client = new UimClient(URI.create("http://127.0.0.1:" + HTTP_PORT + "/"));
    }

    @AfterAll
    static void undeployAndStop() throws Exception {
        try {
            if (payara != null) {
                if (earDeployed) {
                    payara.undeploy(APP);
                }
                if (rarDeployed) {
                    payara.undeploy(RAR);
                }
                stopQuietly();
            }
        } finally {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void stopQuietly() {
        if (stopped || payara == null) {
            return;
        }
        stopped = true;
        PayaraServer.Result stop = payara.stopDomain();
        if (!stop.ok()) {
            System.err.println("stop-domain failed: " + stop.output());
        }
    }

    @Test
    @Order(1)
    void adminRestListsTheApplicationAndTheResourceAdapter() {
        JsonObject apps = adminApplications().orElseThrow(() -> new AssertionError("admin REST not answering"));
        JsonObject children = apps.getJsonObject("extraProperties").getJsonObject("childResources");
        assertTrue(children.containsKey(APP), () -> "application " + APP + " not listed: " + apps);
        assertTrue(children.containsKey(RAR), () -> "resource adapter " + RAR + " not listed: " + apps);

        PayaraServer.Result list = payara.remote(Duration.ofMinutes(1), "list-applications", "--long=true");
        assertTrue(list.ok() && list.output().contains(APP), () -> "list-applications: " + list.output());
    }

    @Test
    @Order(2)
    void serverJvmInheritedTheEnvironmentOfAsadmin() throws IOException {
        Path pidFile = payara.domainDir().resolve("config").resolve("pid");
        assumeTrue(Files.isRegularFile(pidFile) && Files.isDirectory(Path.of("/proc")), "needs Linux /proc");
        String pid = Files.readString(pidFile).strip();
        String environ = new String(Files.readAllBytes(Path.of("/proc", pid, "environ")), StandardCharsets.UTF_8);
        List<String> variables = List.of(environ.split("\0"));
        assertTrue(variables.contains("UIM_DOMAIN=" + ISP), () -> "UIM_DOMAIN not in the environment of " + pid);
        assertTrue(variables.contains("UIM_BROKER_PORT=" + BROKER_PORT), () -> "UIM_BROKER_PORT missing in " + pid);
    }

    @Test
    @Order(3)
    void healthBecomesReady() {
        UimClient.Reply health;
        try {
            health = Poll.until("GET /health = 200", Duration.ofMinutes(3), Duration.ofSeconds(1), () -> Optional.of(
                            client.get("/health"))
                    .filter(reply -> reply.status() == 200));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; last: " + safeGet("/health") + "\n" + payara.severeSummary(), e);
        }
        assertEquals(200, health.status(), health::toString);
    }

    @Test
    @Order(4)
    void registerLoginAndOpenWebSocket() {
        String username = "earsmoke";
        String password = "correct horse battery";
        UimClient.Reply created = client.postJson(
                "/api/v1/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("displayName", "EAR smoke test")
                        .build());
        assertEquals(201, created.status(), () -> "POST /api/v1/accounts: " + created + "\n" + payara.severeSummary());
        assertEquals(username + "@" + ISP, created.json().getString("address"), created::toString);

        UimClient.Reply session = client.postJson(
                "/api/v1/sessions",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("device", "ear-it")
                        .build());
        assertEquals(201, session.status(), () -> "POST /api/v1/sessions: " + session + "\n" + payara.severeSummary());
        String token = session.json().getString("token", "");
        assertFalse(token.isBlank(), session::toString);

        try (UimClient.Socket socket = client.openSocket()) {
            socket.send(Json.createObjectBuilder()
                    .add("type", "auth")
                    .add("token", token)
                    .build());
            JsonObject ready = socket.next(Duration.ofSeconds(30));
            assertEquals("ready", ready.getString("type", ""), ready::toString);
            assertEquals(username + "@" + ISP, ready.getString("address", ""), ready::toString);
        }
    }

    private static String safeGet(String path) {
        try {
            return client.get(path).toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** GET of the admin REST resource listing the applications, when the admin listener answers. */
    private static Optional<JsonObject> adminApplications() {
        UimClient admin = new UimClient(URI.create("http://127.0.0.1:" + ADMIN_PORT + "/"));
        UimClient.Reply reply;
        try {
            reply = admin.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ADMIN_PORT + "/management/domain/applications/application"))
                    .header("X-Requested-By", "uim-ear-it")
                    .GET());
        } catch (RuntimeException notYet) {
            return Optional.empty();
        }
        if (reply.status() != 200) {
            return Optional.empty();
        }
        return Optional.of(reply.json());
    }

    private static String brokerPassword(Path usersProperties, String user) throws IOException {
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(usersProperties)) {
            users.load(in);
        }
        String password = users.getProperty(user);
        if (password == null) {
            fail("no broker user " + user + " in " + usersProperties);
        }
        return password;
    }

    private static String property(String name, String fallback) {
        return System.getProperty(name, fallback);
    }
}

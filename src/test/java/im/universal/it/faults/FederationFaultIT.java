package im.universal.it.faults;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Fixtures;
import im.universal.it.support.Frames;
import im.universal.it.support.IspProcess;
import im.universal.it.support.Json;
import im.universal.it.support.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Federation under faults, with real processes: an ISP killed mid-stream, the broker restarted mid-stream, an ISP
 * down while the other registers hundreds of users, and a late third ISP. Nothing is lost, nothing duplicated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationFaultIT {
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final String ALICE = "alice@alpha.test";
    private static final String BOB = "bob@beta.test";

    private final FaultFederation federation = new FaultFederation();
    private String aliceToken;
    private String bobToken;
    private WsClient alice;

    @BeforeAll
    void start() {
        federation.startBroker(true);
        federation.usePostgres("beta.test"); // beta is the one killed: it needs a database that survives that
        federation.startIsp("alpha.test", true);
        federation.startIsp("beta.test", true);
        ApiClient alpha = alpha();
        ApiClient beta = beta();
        alpha.register("alice", PASSWORD, "Alice", true);
        beta.register("bob", PASSWORD, "Bob", true);
        aliceToken = alpha.login("alice", PASSWORD);
        bobToken = beta.login("bob", PASSWORD);
        assertEquals(202, alpha.put("api/v1/contacts/" + BOB, aliceToken).status());
        Await.until("bob sees alice's request", FEDERATION_HOP, () -> "pending-in"
                .equals(beta.contactState(bobToken, ALICE)));
        assertEquals(
                204,
                beta.post("api/v1/contacts/" + ALICE + "/approve", null, bobToken)
                        .status());
        Await.until(
                "alice sees bob accept", FEDERATION_HOP, () -> "accepted".equals(alpha.contactState(aliceToken, BOB)));
        alice = WsClient.connect("alice", alpha.webSocketUri());
        alice.authenticate(aliceToken);
    }

    @AfterAll
    void stop() {
        if (alice != null) {
            alice.close();
        }
        federation.close();
    }

    @Test
    @Order(1)
    void anIspKilledMidStreamLosesAndDuplicatesNothing() {
        // Execute: bob is offline; alice sends 200 messages and beta is SIGKILLed halfway
        List<String> bodies = IntStream.range(0, 200)
                .mapToObj(i -> String.format("kill-%03d", i))
                .toList();
        sendAll(bodies.subList(0, 100));
        federation.isp("beta.test").process().crash();
        sendAll(bodies.subList(100, 200));
        federation.startIsp("beta.test", false);

        // Verify: at bob's login all 200 arrive, in order, each once
        assertEquals(bodies, receive(bodies.size(), "kill-"));
    }

    @Test
    @Order(2)
    void aBrokerRestartMidStreamLosesAndDuplicatesNothing() {
        List<String> bodies = IntStream.range(0, 200)
                .mapToObj(i -> String.format("broker-%03d", i))
                .toList();
        double sentBefore = counter(alpha(), "uim_messages_total", "route=\"remote_out\"");
        double receivedBefore = counter(beta(), "uim_messages_total", "route=\"remote_in\"");
        sendAll(bodies.subList(0, 100));
        federation.broker().close();
        IspProcess alphaIsp = federation.isp("alpha.test");
        Await.until("alpha not ready without its broker", RECOVERY, () -> !alphaIsp.isHealthy());
        // accepted while the broker is away: they wait in alpha's outbox (docs/adr/003)
        sendAll(bodies.subList(100, 150));
        assertTrue(!alphaIsp.isHealthy(), "the broker came back by itself?");
        federation.startBroker(false);
        Await.until("alpha ready again with its broker", RECOVERY, alphaIsp::isHealthy);
        // the ISPs recover by themselves
        sendAll(bodies.subList(150, 200));
        assertTrue(federation.isp("alpha.test").process().isAlive()
                && federation.isp("beta.test").process().isAlive());
        assertEquals(bodies, receive(bodies.size(), "broker-"));
        // the metrics moved with the traffic
        assertTrue(counter(alpha(), "uim_messages_total", "route=\"remote_out\"") >= sentBefore + 200);
        assertTrue(counter(beta(), "uim_messages_total", "route=\"remote_in\"") >= receivedBefore + 200);
    }

    @Test
    @Order(3)
    void usersRegisteredWhileAnIspIsDownReachItAndALateIspConverges() {
        federation.isp("beta.test").close();
        ApiClient alpha = alpha();
        for (int i = 0; i < 500; i++) {
            alpha.register(String.format("flood%03d", i), PASSWORD, "Flood " + i, true);
        }
        federation.startIsp("beta.test", false);
        ApiClient beta = beta();
        Await.until("500 users of alpha in beta's directory", RECOVERY, () -> total(beta, bobToken, "flood") == 500);

        IspProcess gamma = federation.startIsp("gamma.test", true);
        gamma.api().register("gina", PASSWORD, "Gina", true);
        String ginaToken = gamma.api().login("gina", PASSWORD);
        Await.until(
                "gamma's directory converges",
                RECOVERY,
                () -> total(gamma.api(), ginaToken, "flood") == 500
                        && total(gamma.api(), ginaToken, "bob@beta.test") == 1
                        && total(gamma.api(), ginaToken, "alice@alpha.test") == 1);
        Await.until(
                "gamma's user reaches the others",
                RECOVERY,
                () -> total(alpha, aliceToken, "gina@gamma.test") == 1
                        && total(beta, bobToken, "gina@gamma.test") == 1);
    }

    // --- helpers ---

    /** Sends each body and waits for its ack; a refused send is retried with the same client id. */
    private void sendAll(List<String> bodies) {
        for (String body : bodies) {
            String id = Fixtures.newId();
            Await.until("ack for " + body, RECOVERY, () -> {
                alice.send(Fixtures.message(id, BOB, body));
                try {
                    JsonObject answer = alice.awaitFrame(Frames.answerTo(id), Duration.ofSeconds(20));
                    return "ack".equals(Json.str(answer, "type"));
                } catch (AssertionError noAnswerYet) {
                    return false;
                }
            });
        }
    }

    /** Connects bob, collects {@code count} messages whose body starts with {@code prefix}, then disconnects. */
    private List<String> receive(int count, String prefix) {
        WsClient bob = WsClient.connect("bob", beta().webSocketUri());
        try {
            bob.authenticate(bobToken);
            List<String> bodies = new ArrayList<>();
            while (bodies.size() < count) {
                JsonObject message = bob.awaitFrame(
                        Frames.messageFrom(ALICE).and(f -> Json.str(f, "body").startsWith(prefix)), RECOVERY);
                bodies.add(Json.str(message, "body"));
            }
            // nothing more of this stream may follow (a duplicate would come right behind)
            sendAll(List.of(prefix + "end"));
            try {
                bob.awaitFrame(
                        Frames.messageFrom(ALICE).and(f -> (prefix + "end").equals(Json.str(f, "body"))), RECOVERY);
            } catch (AssertionError e) {
                List<JsonObject> seen = alice.received();
                throw new AssertionError(
                        "end marker not received; alice closed=" + alice.isClosed() + ", last frames: "
                                + seen.subList(Math.max(0, seen.size() - 10), seen.size()),
                        e);
            }
            long copies = bob.received().stream()
                    .filter(Frames.messageFrom(ALICE))
                    .filter(f ->
                            Json.str(f, "body").startsWith(prefix) && !(prefix + "end").equals(Json.str(f, "body")))
                    .count();
            assertEquals(count, copies, "messages of the stream delivered (duplicates?)");
            return bodies;
        } finally {
            bob.close();
        }
    }

    /** A counter from {@code GET /metrics} (Prometheus text), summed over the lines that carry {@code label}. */
    private static double counter(ApiClient api, String name, String label) {
        try {
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(api.base().resolve("metrics"))
                                    .header("Accept", "text/plain")
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), metrics::body);
            return metrics.body()
                    .lines()
                    .filter(l -> l.startsWith(name + "{") && l.contains(label))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long total(ApiClient api, String token, String query) {
        ApiClient.Response response = api.get("api/v1/directory?q=" + query + "&limit=1", token);
        return response.status() == 200 ? response.json().getJsonNumber("total").longValue() : -1;
    }

    private ApiClient alpha() {
        return federation.isp("alpha.test").api();
    }

    private ApiClient beta() {
        return federation.isp("beta.test").api();
    }
}

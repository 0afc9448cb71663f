package im.universal.it.admin;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Json;
import im.universal.it.support.Repo;
import jakarta.jms.JMSContext;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Envelopes that lie or are broken (wrong sender domain, unknown version or type, malformed JSON) and envelopes from
 * a domain the operator blocked: each is rejected, counted by reason, and changes nothing.
 */
@ExtendWith(FederationExtension.class)
class ForgedAndBlockedEnvelopesIT {
    private static final String INBOX = "uim.isp.beta.test";
    private static final String DIRECTORY = "uim.directory";

    @Test
    void forgedBrokenAndBlockedEnvelopesAreRejectedCountedAndChangeNothing(Federation federation) throws Exception {
        // Setup: a user on beta, beta's operator, the counters before
        ApiClient beta = federation.beta().api();
        String name = "target" + UUID.randomUUID().toString().substring(0, 8);
        beta.register(name, PASSWORD, "Target", false);
        String token = beta.login(name, PASSWORD);
        AdminClient operator = new AdminClient(federation.beta().baseUri());
        assertEquals(
                200,
                operator.login(Federation.OPERATOR, Federation.OPERATOR_PASSWORD)
                        .status());
        Map<String, Long> before = rejected(operator);
        assertEquals(
                200,
                statusOf(operator.call(
                        "POST",
                        "api/admin/v1/blocked-domains",
                        Json.object()
                                .add("domain", "gamma.test")
                                .add("reason", "test")
                                .build())));
        try {
            // Execute: alpha.test's broker user sends lies and garbage to beta; gamma.test (blocked) a registration
            try (var factory = new ActiveMQConnectionFactory(federation.broker().url());
                    JMSContext alpha = factory.createContext(Federation.ALPHA, Repo.brokerPassword(Federation.ALPHA));
                    JMSContext gamma = factory.createContext("gamma.test", Repo.brokerPassword("gamma.test"))) {
                var producer = alpha.createProducer();
                var inbox = alpha.createQueue(INBOX);
                JsonObject forgedMessage = Json.object()
                        .add("serverId", UUID.randomUUID().toString())
                        .add("from", "eve@gamma.test")
                        .add("to", name + "@beta.test")
                        .add("body", "trust me")
                        .add("sentAt", Instant.now().toString())
                        .build();
                producer.send(inbox, envelope(1, "message", "alpha.test", forgedMessage));
                producer.send(inbox, envelope(2, "message", "alpha.test", forgedMessage));
                producer.send(inbox, "{\"version\":1,\"type\":\"message\",");
                producer.send(
                        alpha.createTopic(DIRECTORY),
                        envelope(
                                1,
                                "directory.hijack",
                                "alpha.test",
                                Json.object()
                                        .add("address", "hijack@alpha.test")
                                        .build()));
                gamma.createProducer()
                        .send(
                                gamma.createTopic(DIRECTORY),
                                envelope(
                                        1,
                                        "directory.registered",
                                        "gamma.test",
                                        Json.object()
                                                .add("address", "blocked@gamma.test")
                                                .add("displayName", "Blocked")
                                                .build()));
            }

            // Verify: each is counted under its reason ...
            Await.until("rejections counted on beta", FEDERATION_HOP, () -> {
                Map<String, Long> now = rejected(operator);
                return grew(before, now, "forged_sender")
                        && grew(before, now, "unknown_version")
                        && grew(before, now, "malformed")
                        && grew(before, now, "unknown_type")
                        && grew(before, now, "blocked_domain");
            });
            // ... and nothing changed
            assertFalse(beta.directory(token, "blocked").contains("blocked@gamma.test"));
            assertFalse(beta.directory(token, "hijack").contains("hijack@alpha.test"));
            federation.assertAllAlive();
        } finally {
            operator.call("DELETE", "api/admin/v1/blocked-domains/gamma.test", null);
        }
    }

    private static int statusOf(AdminClient.Raw response) {
        return response.status();
    }

    private static boolean grew(Map<String, Long> before, Map<String, Long> now, String reason) {
        return now.getOrDefault(reason, 0L) > before.getOrDefault(reason, 0L);
    }

    private static Map<String, Long> rejected(AdminClient operator) {
        JsonObject counts = operator.object("api/admin/v1/federation").getJsonObject("rejectedByReason");
        return counts.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> counts.getJsonNumber(k)
                .longValue()));
    }

    private static String envelope(int version, String type, String origin, JsonObject payload) {
        return Json.object()
                .add("version", version)
                .add("type", type)
                .add("id", UUID.randomUUID().toString())
                .add("origin", origin)
                .add("sentAt", Instant.now().toString())
                .add("payload", payload)
                .build()
                .toString();
    }
}

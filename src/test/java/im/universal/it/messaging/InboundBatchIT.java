package im.universal.it.messaging;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Frames;
import im.universal.it.support.Json;
import im.universal.it.support.Repo;
import im.universal.it.support.WsClient;
import jakarta.jms.JMSContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The receiving ISP applies a batch of messages, receipts and presence in bulk (docs/benchmarks.md, findings 16
 * and 18) and still
 * checks every envelope on its own: a copy of an envelope, a second envelope with a stored server id, a forged
 * sender, a non-contact and a receipt for an unknown message change nothing, and the good messages around them
 * arrive once each, in order. A batch redelivered whole changes nothing either: messages and receipts are not
 * recorded as applied envelopes but deduplicate by server id and status (finding 26).
 */
@ExtendWith(FederationExtension.class)
class InboundBatchIT {

    @Test
    void aBatchOfMessagesIsAppliedOnceEachInOrder(Federation federation) throws Exception {
        // Setup: accepted contacts across the ISPs, the recipient online on beta
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "gina", "hank");
        String from = pair.a().address();
        String to = pair.b().address();
        try (WsClient hank = WsClient.connect("hank", pair.b().api().webSocketUri())) {
            hank.authenticate(pair.b().token());

            // Execute: alpha.test's broker account sends beta one batch with good and bad elements mixed
            JsonObject first = message(from, to, UUID.randomUUID().toString(), "one");
            String batch = "["
                    + first + ","
                    + first + "," // the same envelope again
                    + message(from, to, Json.str(first.getJsonObject("payload"), "serverId"), "one again") + ","
                    + message("mallory@beta.test", to, UUID.randomUUID().toString(), "forged") + ","
                    + message("stranger@alpha.test", to, UUID.randomUUID().toString(), "stranger") + ","
                    + receipt(from, to, UUID.randomUUID().toString()) + ","
                    + message(from, to, UUID.randomUUID().toString(), "two") + "]";
            sendToBeta(federation, batch);
            hank.awaitFrame(m -> Frames.messageFrom(from).test(m) && "two".equals(Json.str(m, "body")), FEDERATION_HOP);
            // ... and then the whole batch again, as the broker redelivers one, followed by a new message
            sendToBeta(federation, batch);
            sendToBeta(federation, "[" + message(from, to, UUID.randomUUID().toString(), "three") + "]");

            // Verify: "one", "two", "three" pushed once each, in order; nothing else; the stored history agrees
            hank.awaitFrame(
                    m -> Frames.messageFrom(from).test(m) && "three".equals(Json.str(m, "body")), FEDERATION_HOP);
            List<String> pushed = hank.received().stream()
                    .filter(m -> "message".equals(Json.str(m, "type")))
                    .map(m -> Json.str(m, "body"))
                    .toList();
            assertEquals(List.of("one", "two", "three"), pushed, "message frames on hank's socket");
            ApiClient.Response history = pair.b()
                    .api()
                    .get("api/v1/conversations/" + from + "/messages", pair.b().token());
            assertEquals(200, history.status(), history::toString);
            List<String> stored = history.json().getJsonArray("messages").stream()
                    .map(JsonValue::asJsonObject)
                    .map(m -> Json.str(m, "body"))
                    .toList();
            assertEquals(List.of("one", "two", "three"), stored, "hank's stored history with gina");
        }
        federation.assertAllAlive();
    }

    @Test
    void aBatchOfPresenceIsPushedToAcceptedContactsInOrder(Federation federation) throws Exception {
        // Setup: accepted contacts across the ISPs, the local user online on beta
        Pair pair = Pair.contacts(federation.alpha(), federation.beta(), "ivy", "jack");
        String from = pair.a().address();
        String to = pair.b().address();
        try (WsClient jack = WsClient.connect("jack", pair.b().api().webSocketUri())) {
            jack.authenticate(pair.b().token());

            // Execute: one batch of presence, as the answers to a probe travel: a forged one, one of a
            // non-contact, then two changes of the contact
            String batch = "["
                    + presence("mallory@beta.test", to, "dnd") + ","
                    + presence("stranger@alpha.test", to, "dnd") + ","
                    + presence(from, to, "away") + ","
                    + presence(from, to, "dnd") + "]";
            sendToBeta(federation, batch);

            // Verify: the contact's two changes arrive in order, and nobody else's presence does
            jack.awaitFrame(Frames.presence(from, "dnd"), FEDERATION_HOP);
            List<String> pushed = jack.received().stream()
                    .filter(m -> "presence".equals(Json.str(m, "type")))
                    .map(m -> Json.str(m, "from") + " " + Json.str(m, "show"))
                    .filter(p -> !p.endsWith(" offline"))
                    .toList();
            assertEquals(List.of(from + " away", from + " dnd"), pushed, "presence frames on jack's socket");
        }
        federation.assertAllAlive();
    }

    /**
     * Sends a batch message to beta's inbox as alpha.test's broker account, as alpha's relay would: in one JMS group,
     * so that beta's inbox applies the test's batches one after the other, in the order sent.
     */
    private static void sendToBeta(Federation federation, String batch) throws Exception {
        var factory = new ActiveMQConnectionFactory(federation.broker().url());
        try (factory;
                JMSContext jms = factory.createContext(Federation.ALPHA, Repo.brokerPassword(Federation.ALPHA))) {
            jms.createProducer()
                    .setProperty("uimType", "batch")
                    .setProperty("JMSXGroupID", "inbound-batch-it")
                    .send(jms.createQueue("uim.isp." + Federation.BETA), batch);
        }
    }

    private static JsonObject presence(String from, String to, String show) {
        return envelope(
                "presence",
                Json.object()
                        .add("from", from)
                        .add("show", show)
                        .add("to", Json.array().add(to))
                        .build());
    }

    private static JsonObject message(String from, String to, String serverId, String body) {
        return envelope(
                "message",
                Json.object()
                        .add("serverId", serverId)
                        .add("from", from)
                        .add("to", to)
                        .add("body", body)
                        .add("sentAt", Instant.now().toString())
                        .build());
    }

    private static JsonObject receipt(String from, String to, String serverId) {
        return envelope(
                "receipt",
                Json.object()
                        .add("serverId", serverId)
                        .add("from", from)
                        .add("to", to)
                        .add("status", "delivered")
                        .build());
    }

    private static JsonObject envelope(String type, JsonObject payload) {
        return Json.object()
                .add("version", 1)
                .add("type", type)
                .add("id", UUID.randomUUID().toString())
                .add("origin", Federation.ALPHA)
                .add("sentAt", Instant.now().toString())
                .add("payload", payload)
                .build();
    }
}

package im.universal.it.federation;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.Federation;
import im.universal.it.support.FederationExtension;
import im.universal.it.support.Json;
import im.universal.it.support.Repo;
import jakarta.jms.JMSContext;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An ISP cannot speak for another one: the broker stamps the authenticated sender on every message, and an
 * envelope whose {@code origin} is not that sender is dropped by the receiving ISP.
 */
@ExtendWith(FederationExtension.class)
class SpoofedEnvelopeIT {

    private static final String DIRECTORY = "uim.directory";

    @Test
    void directoryEntryClaimingAnotherOriginIsRejected(Federation federation) throws Exception {
        // Setup: someone on beta who can search the directory
        ApiClient beta = federation.beta().api();
        beta.register("dave", PASSWORD, "Dave", false);
        String daveToken = beta.login("dave", PASSWORD);

        // Execute: alpha.test's broker account publishes a registration that claims to come from beta.test,
        // then a legitimate one as a marker (same connection, same order on the topic)
        var factory = new ActiveMQConnectionFactory(federation.broker().url());
        try (factory;
                JMSContext jms = factory.createContext(Federation.ALPHA, Repo.brokerPassword(Federation.ALPHA))) {
            var topic = jms.createTopic(DIRECTORY);
            var producer = jms.createProducer();
            producer.send(
                    topic,
                    jms.createTextMessage(registration("beta.test", "mallory@beta.test", "Mallory")
                            .toString()));
            producer.send(
                    topic,
                    jms.createTextMessage(registration("alpha.test", "carol@alpha.test", "Carol")
                            .toString()));
        }

        // Verify: once the marker is in beta's directory, the spoofed entry must not be
        Await.until(
                "marker carol@alpha.test in beta's directory", FEDERATION_HOP, () -> beta.directory(daveToken, "carol")
                        .contains("carol@alpha.test"));
        List<String> mallory = beta.directory(daveToken, "mallory");
        assertFalse(
                mallory.contains("mallory@beta.test"),
                () -> "beta accepted a directory entry spoofed by alpha.test: " + mallory);

        federation.assertAllAlive();
    }

    @Test
    void aBatchIsCheckedEnvelopeByEnvelope(Federation federation) throws Exception {
        // Setup: someone on beta who can search the directory
        ApiClient beta = federation.beta().api();
        beta.register("dora", PASSWORD, "Dora", false);
        String doraToken = beta.login("dora", PASSWORD);

        // Execute: alpha.test's broker account publishes one batch message (docs/federation.md) holding a good
        // entry, an entry that claims to come from beta.test, an element that is no envelope, and a good entry
        String batch = "["
                + registration("alpha.test", "erin@alpha.test", "Erin") + ","
                + registration("beta.test", "trudy@beta.test", "Trudy") + ","
                + "42,"
                + registration("alpha.test", "frank@alpha.test", "Frank") + "]";
        var factory = new ActiveMQConnectionFactory(federation.broker().url());
        try (factory;
                JMSContext jms = factory.createContext(Federation.ALPHA, Repo.brokerPassword(Federation.ALPHA))) {
            jms.createProducer().setProperty("uimType", "batch").send(jms.createTopic(DIRECTORY), batch);
        }

        // Verify: both good entries are applied, in spite of the bad elements between them; the spoofed one is not
        Await.until("frank@alpha.test in beta's directory", FEDERATION_HOP, () -> beta.directory(doraToken, "frank")
                .contains("frank@alpha.test"));
        assertTrue(beta.directory(doraToken, "erin").contains("erin@alpha.test"), "the first entry of the batch");
        List<String> trudy = beta.directory(doraToken, "trudy");
        assertFalse(
                trudy.contains("trudy@beta.test"),
                () -> "beta accepted a directory entry spoofed by alpha.test inside a batch: " + trudy);

        federation.assertAllAlive();
    }

    private static JsonObject registration(String origin, String address, String displayName) {
        return Json.object()
                .add("version", 1)
                .add("type", "directory.registered")
                .add("id", UUID.randomUUID().toString())
                .add("origin", origin)
                .add("sentAt", Instant.now().toString())
                .add("payload", Json.object().add("address", address).add("displayName", displayName))
                .build();
    }
}

package im.universal.broker;

import static im.universal.broker.BrokerTestSupport.ALPHA;
import static im.universal.broker.BrokerTestSupport.ALPHA_PASSWORD;
import static im.universal.broker.BrokerTestSupport.BETA;
import static im.universal.broker.BrokerTestSupport.BETA_PASSWORD;
import static im.universal.broker.BrokerTestSupport.GAMMA;
import static im.universal.broker.BrokerTestSupport.GAMMA_PASSWORD;
import static im.universal.broker.BrokerTestSupport.context;
import static im.universal.broker.BrokerTestSupport.receiveBody;
import static im.universal.broker.BrokerTestSupport.uniqueBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The federation contract of etc/broker.xml: who may send and consume what, and the validated sender. */
class BrokerSecurityTest {

    private static final String DIRECTORY = "uim.directory";

    /**
     * The queue behind the JMS shared durable subscription named {@code domain}: Artemis escapes the dots of a
     * subscription name, so subscription "alpha.test" is the queue {@code alpha\.test} on uim.directory.
     */
    private static String subscriptionFqqn(String domain) {
        return DIRECTORY + "::" + domain.replace(".", "\\.");
    }

    @TempDir
    static Path dataDir;

    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(BrokerTestSupport.brokerXml(), BrokerTestSupport.freePort(), dataDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void directoryPublicationReachesSharedDurableSubscriptionWithValidatedSender() throws Exception {
        String body = uniqueBody("directory update");
        try (JMSContext beta = context(broker, BETA, BETA_PASSWORD);
                JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD)) {
            Topic directory = beta.createTopic(DIRECTORY);
            JMSConsumer subscription = beta.createSharedDurableConsumer(directory, BETA);

            TextMessage message = alpha.createTextMessage(body);
            forgeSender(message, "gamma.test");
            alpha.createProducer().send(alpha.createTopic(DIRECTORY), message);

            TextMessage received = receiveBody(subscription, body);
            assertEquals(ALPHA, received.getStringProperty("JMSXUserID"), "JMSXUserID");
            assertEquals(ALPHA, received.getStringProperty("_AMQ_VALIDATED_USER"), "_AMQ_VALIDATED_USER");
        }
        assertSubscriptionQueuesAreTheDeclaredOnes();
    }

    @Test
    void subscriptionNameOfAnIspMapsToTheQueueDeclaredInBrokerXml() throws Exception {
        for (String domain : List.of(ALPHA, BETA, GAMMA)) {
            SimpleString queue = ActiveMQDestination.createQueueNameForSubscription(true, null, domain);
            assertEquals(subscriptionFqqn(domain), DIRECTORY + "::" + queue);
        }
        assertSubscriptionQueuesAreTheDeclaredOnes();
    }

    /** The RA / JMS clients must reuse the queues of broker.xml, never add queues to the directory. */
    private static void assertSubscriptionQueuesAreTheDeclaredOnes() throws Exception {
        Set<String> queues = new TreeSet<>();
        broker.server()
                .bindingQuery(SimpleString.of(DIRECTORY))
                .getQueueNames()
                .forEach(name -> queues.add(name.toString()));
        assertEquals(new TreeSet<>(List.of("alpha\\.test", "beta\\.test", "gamma\\.test")), queues);
    }

    @Test
    void directoryPublicationAlsoReachesThePublishersOwnSubscription() throws JMSException {
        String body = uniqueBody("own directory update");
        try (JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD)) {
            Topic directory = alpha.createTopic(DIRECTORY);
            JMSConsumer subscription = alpha.createSharedDurableConsumer(directory, ALPHA);
            alpha.createProducer().send(directory, body);
            assertEquals(ALPHA, receiveBody(subscription, body).getStringProperty("JMSXUserID"));
        }
    }

    @Test
    void ispCanConsumeItsOwnSubscriptionByFullyQualifiedQueueName() throws JMSException {
        String body = uniqueBody("fqqn");
        try (JMSContext gamma = context(broker, GAMMA, GAMMA_PASSWORD)) {
            JMSConsumer consumer = gamma.createConsumer(gamma.createQueue(subscriptionFqqn(GAMMA)));
            gamma.createProducer().send(gamma.createTopic(DIRECTORY), body);
            assertEquals(GAMMA, receiveBody(consumer, body).getStringProperty("JMSXUserID"));
        }
    }

    @Test
    void ispCannotConsumeAnotherIspsDirectorySubscription() {
        try (JMSContext beta = context(broker, BETA, BETA_PASSWORD)) {
            Queue alphaSubscription = beta.createQueue(subscriptionFqqn(ALPHA));
            assertSecurityFailure(() -> beta.createConsumer(alphaSubscription));
            assertSecurityFailure(
                    () -> beta.createBrowser(alphaSubscription).getEnumeration().hasMoreElements());
            // the same queue through the JMS shared-subscription API
            assertSecurityFailure(() -> beta.createSharedDurableConsumer(beta.createTopic(DIRECTORY), ALPHA));
        }
    }

    @Test
    void ispCannotConsumeTheDirectoryAddressOrCreateOtherSubscriptions() {
        try (JMSContext beta = context(broker, BETA, BETA_PASSWORD)) {
            Topic directory = beta.createTopic(DIRECTORY);
            // a new durable subscription would be a new queue on the directory: not allowed
            assertSecurityFailure(() -> beta.createSharedDurableConsumer(directory, "eavesdropper"));
            // nor a plain (non-durable) topic subscriber
            assertSecurityFailure(() -> beta.createConsumer(directory));
        }
    }

    @Test
    void ispCannotConsumeAnotherIspsInbox() {
        try (JMSContext beta = context(broker, BETA, BETA_PASSWORD)) {
            assertSecurityFailure(() -> beta.createConsumer(beta.createQueue("uim.isp." + ALPHA)));
            assertSecurityFailure(() -> beta.createBrowser(beta.createQueue("uim.isp." + GAMMA))
                    .getEnumeration()
                    .hasMoreElements());
        }
    }

    @Test
    void ispSendsToAnotherIspsInboxAndOnlyTheOwnerReceivesIt() throws JMSException {
        String body = uniqueBody("chat message");
        try (JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD);
                JMSContext beta = context(broker, BETA, BETA_PASSWORD)) {
            TextMessage message = alpha.createTextMessage(body);
            forgeSender(message, BETA);
            alpha.createProducer().send(alpha.createQueue("uim.isp." + BETA), message);

            JMSConsumer inbox = beta.createConsumer(beta.createQueue("uim.isp." + BETA));
            TextMessage received = receiveBody(inbox, body);
            assertEquals(ALPHA, received.getStringProperty("JMSXUserID"));
            assertEquals(ALPHA, received.getStringProperty("_AMQ_VALIDATED_USER"));
        }
    }

    @Test
    void sendingToAnUnknownIspInboxIsRefused() {
        try (JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD)) {
            // refused at once (the JMS client even refuses to create the destination object): the address does
            // not exist and nothing is auto-created under uim.#
            JMSRuntimeException failure = assertThrows(JMSRuntimeException.class, () -> alpha.createProducer()
                    .send(alpha.createQueue("uim.isp.unknown.test"), "hello?"));
            assertTrue(failure.getMessage().contains("uim.isp.unknown.test"), failure.toString());
        }
    }

    @Test
    void ispCannotSendOutsideTheFederationAddresses() {
        try (JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD)) {
            assertSecurityFailure(() -> alpha.createProducer().send(alpha.createQueue("uim.dlq"), "junk"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() {
        assertThrows(JMSSecurityRuntimeException.class, () -> context(broker, ALPHA, "not-the-password")
                .close());
        assertThrows(JMSSecurityRuntimeException.class, () -> context(broker, ALPHA, null)
                .close());
        assertThrows(JMSSecurityRuntimeException.class, () -> context(broker, "mallory.test", "x")
                .close());
        // the password of another ISP does not work either
        assertThrows(JMSSecurityRuntimeException.class, () -> context(broker, ALPHA, BETA_PASSWORD)
                .close());
    }

    /** Tries to make the message claim another sender; the broker must overwrite or ignore it. */
    private static void forgeSender(TextMessage message, String fakeUser) {
        for (String property : new String[] {"JMSXUserID", "_AMQ_VALIDATED_USER"}) {
            try {
                message.setStringProperty(property, fakeUser);
            } catch (JMSException | RuntimeException refusedByClient) {
                // fine: the client does not even let us try
            }
        }
    }

    private static void assertSecurityFailure(Executable action) {
        Throwable failure = assertThrows(Throwable.class, action);
        assertTrue(
                failure instanceof JMSSecurityRuntimeException || hasSecurityCause(failure),
                () -> "expected a security failure, got " + failure);
    }

    private static boolean hasSecurityCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.jms.JMSSecurityException
                    || t instanceof org.apache.activemq.artemis.api.core.ActiveMQSecurityException) {
                return true;
            }
        }
        return false;
    }
}

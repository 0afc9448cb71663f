package im.universal.broker;

import static im.universal.broker.BrokerTestSupport.ALPHA;
import static im.universal.broker.BrokerTestSupport.ALPHA_PASSWORD;
import static im.universal.broker.BrokerTestSupport.BETA;
import static im.universal.broker.BrokerTestSupport.BETA_PASSWORD;
import static im.universal.broker.BrokerTestSupport.context;
import static im.universal.broker.BrokerTestSupport.receiveBody;
import static im.universal.broker.BrokerTestSupport.uniqueBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages wait in the journal while the receiving ISP (or the broker) is down; failures end in uim.dlq. */
class BrokerPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void inboxAndDirectoryMessagesSurviveABrokerRestart() throws Exception {
        String inboxBody = uniqueBody("offline message");
        String directoryBody = uniqueBody("offline directory update");

        try (EmbeddedBroker first =
                EmbeddedBroker.start(BrokerTestSupport.brokerXml(), BrokerTestSupport.freePort(), dataDir)) {
            try (JMSContext alpha = context(first, ALPHA, ALPHA_PASSWORD)) {
                alpha.createProducer()
                        .setDeliveryMode(DeliveryMode.PERSISTENT)
                        .send(alpha.createQueue("uim.isp." + BETA), inboxBody)
                        .send(alpha.createTopic("uim.directory"), directoryBody);
            }
        }

        // beta.test has never connected; its inbox and its directory subscription were declared in broker.xml
        try (EmbeddedBroker second =
                EmbeddedBroker.start(BrokerTestSupport.brokerXml(), BrokerTestSupport.freePort(), dataDir)) {
            try (JMSContext beta = context(second, BETA, BETA_PASSWORD)) {
                JMSConsumer inbox = beta.createConsumer(beta.createQueue("uim.isp." + BETA));
                assertEquals(ALPHA, receiveBody(inbox, inboxBody).getStringProperty("JMSXUserID"));

                JMSConsumer directory = beta.createSharedDurableConsumer(beta.createTopic("uim.directory"), BETA);
                assertEquals(ALPHA, receiveBody(directory, directoryBody).getStringProperty("JMSXUserID"));
            }
        }
    }

    @Test
    void aMessageRolledBackFiveTimesGoesToTheDeadLetterQueue() throws JMSException, Exception {
        String body = uniqueBody("poison");
        try (EmbeddedBroker broker =
                EmbeddedBroker.start(BrokerTestSupport.brokerXml(), BrokerTestSupport.freePort(), dataDir)) {
            try (JMSContext alpha = context(broker, ALPHA, ALPHA_PASSWORD)) {
                alpha.createProducer().send(alpha.createQueue("uim.isp." + BETA), body);
            }
            try (JMSContext beta = context(broker, BETA, BETA_PASSWORD).createContext(JMSContext.SESSION_TRANSACTED)) {
                JMSConsumer inbox = beta.createConsumer(beta.createQueue("uim.isp." + BETA));
                for (int attempt = 1; attempt <= 5; attempt++) {
                    TextMessage delivered = receiveBody(inbox, body);
                    assertEquals(attempt, delivered.getIntProperty("JMSXDeliveryCount"), "delivery count");
                    beta.rollback();
                }
                assertTrue(inbox.receive(1000) == null, "no sixth delivery");
            }
            try (JMSContext admin = context(broker, "admin", "admin-secret")) {
                JMSConsumer dlq = admin.createConsumer(admin.createQueue("uim.dlq"));
                TextMessage dead = receiveBody(dlq, body);
                assertEquals(ALPHA, dead.getStringProperty("JMSXUserID"));
                assertFalse(dead.getStringProperty("_AMQ_ORIG_ADDRESS").isEmpty());
            }
        }
    }
}

package im.universal.federation.boundary;

import im.universal.federation.entity.OutboxEntry;
import im.universal.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands outbox envelopes to the broker outside any JTA transaction: once the broker has stored them (the commit of
 * a broker transaction, or a blocking send of a persistent message), their rows may be deleted. A destination that
 * refuses a send is skipped for the rest of the batch, keeping the order of its envelopes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxTransmitter {
    private static final Logger LOG = Logger.getLogger(OutboxTransmitter.class.getName());

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    /** What the broker took of a batch, and the destinations that refused a send. */
    public record Transmission(List<Long> sent, Set<String> refused, boolean brokerFailed) {}

    /**
     * Sends {@code batch}, each destination's envelopes in order per lane: consecutive envelopes of one lane travel
     * together as one batch message ({@link EnvelopeMessages}), so the broker stores one message, and the receiver
     * commits one transaction, for many envelopes. All the messages go in one broker transaction, which the broker
     * writes with one journal sync; if it fails (a destination refused, the broker away), they are sent again one by
     * one, each waiting for the broker, and what the broker took then is reported (should the broker have taken
     * the failed transaction after all, the receivers drop the copies by envelope id).
     */
    public Transmission transmit(List<OutboxEntry> batch) {
        Map<String, List<OutboxEntry>> byDestination = new LinkedHashMap<>();
        batch.forEach(e -> byDestination
                .computeIfAbsent(e.destination(), d -> new ArrayList<>())
                .add(e));
        try {
            return inOneTransaction(byDestination);
        } catch (JMSException | JMSRuntimeException e) {
            LOG.log(Level.FINE, "a transacted round failed; sending one by one", e);
            return oneByOne(byDestination);
        }
    }

    private Transmission inOneTransaction(Map<String, List<OutboxEntry>> byDestination) throws JMSException {
        List<Long> sent = new ArrayList<>();
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(null);
            for (Map.Entry<String, List<OutboxEntry>> group : byDestination.entrySet()) {
                send(session, producer, group, sent);
            }
            session.commit();
        }
        return new Transmission(sent, Set.of(), false);
    }

    /** Each message on its own, skipping a destination that refuses one for the rest of the round. */
    private Transmission oneByOne(Map<String, List<OutboxEntry>> byDestination) {
        List<Long> sent = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(null);
            for (Map.Entry<String, List<OutboxEntry>> group : byDestination.entrySet()) {
                try {
                    send(session, producer, group, sent);
                } catch (JMSException | JMSRuntimeException e) {
                    refused.add(group.getKey());
                    LOG.log(Level.FINE, "the broker refused envelopes for " + group.getKey(), e);
                }
            }
        } catch (JMSException | JMSRuntimeException e) {
            // the connection itself failed (broker away): what was sent so far stays sent
            LOG.log(Level.FINE, "broker connection failed", e);
            return new Transmission(sent, refused, true);
        }
        return new Transmission(sent, refused, false);
    }

    /** One destination's envelopes; the ids of those sent are added to {@code sent}. */
    private static void send(
            Session session, MessageProducer producer, Map.Entry<String, List<OutboxEntry>> group, List<Long> sent)
            throws JMSException {
        EnvelopeMessages.send(
                session,
                producer,
                destination(session, group.getKey()),
                group.getValue(),
                chunk -> chunk.forEach(e -> sent.add(e.id())));
    }

    private static Destination destination(Session session, String destination) throws JMSException {
        if (destination.startsWith(OutboxEntry.TOPIC)) {
            return session.createTopic(destination.substring(OutboxEntry.TOPIC.length()));
        }
        if (destination.startsWith(OutboxEntry.QUEUE)) {
            return session.createQueue(destination.substring(OutboxEntry.QUEUE.length()));
        }
        throw new IllegalArgumentException("not an outbox destination: " + destination);
    }
}

package im.universal.federation.boundary;

import im.universal.federation.entity.OutboxEntry;
import im.universal.platform.Resources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands outbox envelopes to the broker outside any transaction: each send returns once the broker has stored the
 * (persistent) message, so a row may be deleted after it. A destination that refuses a send is skipped for the rest
 * of the batch, keeping the order of its envelopes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxTransmitter {
    private static final Logger LOG = Logger.getLogger(OutboxTransmitter.class.getName());

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    /** What the broker took of a batch, and the destinations that refused a send. */
    public record Transmission(List<Long> sent, Set<String> refused, boolean brokerFailed) {}

    /** Sends what it can of {@code batch}, in order. */
    public Transmission transmit(List<OutboxEntry> batch) {
        List<Long> sent = new ArrayList<>(batch.size());
        Set<String> refused = new HashSet<>();
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (OutboxEntry entry : batch) {
                if (refused.contains(entry.destination())) {
                    continue;
                }
                try {
                    producer.setProperty(FederationGateway.TYPE_PROPERTY, entry.type())
                            .send(destination(context, entry.destination()), entry.envelope());
                    sent.add(entry.id());
                } catch (JMSRuntimeException e) {
                    refused.add(entry.destination());
                    LOG.log(Level.FINE, "the broker refused an envelope for " + entry.destination(), e);
                }
            }
        } catch (JMSRuntimeException e) {
            // the connection itself failed (broker away): what was sent so far stays sent
            LOG.log(Level.FINE, "broker connection failed", e);
            return new Transmission(sent, refused, true);
        }
        return new Transmission(sent, refused, false);
    }

    private static Destination destination(JMSContext context, String destination) {
        if (destination.startsWith(OutboxEntry.TOPIC)) {
            return context.createTopic(destination.substring(OutboxEntry.TOPIC.length()));
        }
        if (destination.startsWith(OutboxEntry.QUEUE)) {
            return context.createQueue(destination.substring(OutboxEntry.QUEUE.length()));
        }
        throw new IllegalArgumentException("not an outbox destination: " + destination);
    }
}

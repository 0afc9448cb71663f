package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeCodec;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
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
    /** Envelopes per batch message; below the receivers' limit (EnvelopeCodec.MAX_BATCH). */
    static final int MAX_PER_MESSAGE = 100;
    /** Characters per batch message: well below the broker's large-message threshold (100 KiB). */
    static final int MAX_MESSAGE_CHARS = 32 * 1024;

    private static final Logger LOG = Logger.getLogger(OutboxTransmitter.class.getName());

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    /** What the broker took of a batch, and the destinations that refused a send. */
    public record Transmission(List<Long> sent, Set<String> refused, boolean brokerFailed) {}

    /**
     * Sends what it can of {@code batch}, each destination's envelopes in order: consecutive envelopes for one
     * destination travel together as one batch message (up to {@link #MAX_PER_MESSAGE} envelopes or
     * {@link #MAX_MESSAGE_CHARS} characters), so the broker stores one message, and the receiver commits one
     * transaction, for many envelopes.
     */
    public Transmission transmit(List<OutboxEntry> batch) {
        Map<String, List<OutboxEntry>> byDestination = new LinkedHashMap<>();
        batch.forEach(e -> byDestination
                .computeIfAbsent(e.destination(), d -> new ArrayList<>())
                .add(e));
        List<Long> sent = new ArrayList<>(batch.size());
        Set<String> refused = new HashSet<>();
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (Map.Entry<String, List<OutboxEntry>> group : byDestination.entrySet()) {
                Destination destination = destination(context, group.getKey());
                for (List<OutboxEntry> chunk : chunks(group.getValue())) {
                    try {
                        send(producer, destination, chunk);
                        chunk.forEach(e -> sent.add(e.id()));
                    } catch (JMSRuntimeException e) {
                        refused.add(group.getKey());
                        LOG.log(Level.FINE, "the broker refused envelopes for " + group.getKey(), e);
                        break;
                    }
                }
            }
        } catch (JMSRuntimeException e) {
            // the connection itself failed (broker away): what was sent so far stays sent
            LOG.log(Level.FINE, "broker connection failed", e);
            return new Transmission(sent, refused, true);
        }
        return new Transmission(sent, refused, false);
    }

    private static void send(JMSProducer producer, Destination destination, List<OutboxEntry> chunk) {
        if (chunk.size() == 1) {
            producer.setProperty(FederationGateway.TYPE_PROPERTY, chunk.get(0).type())
                    .send(destination, chunk.get(0).envelope());
        } else {
            producer.setProperty(FederationGateway.TYPE_PROPERTY, FederationGateway.BATCH_TYPE)
                    .send(
                            destination,
                            EnvelopeCodec.encodeBatch(
                                    chunk.stream().map(OutboxEntry::envelope).toList()));
        }
    }

    /** Consecutive runs of at most {@link #MAX_PER_MESSAGE} envelopes and {@link #MAX_MESSAGE_CHARS} characters. */
    static List<List<OutboxEntry>> chunks(List<OutboxEntry> entries) {
        return chunks(entries, e -> e.envelope().length());
    }

    /** As {@link #chunks(List)}, for items whose encoded envelope has {@code chars} characters. */
    static <T> List<List<T>> chunks(List<T> items, ToIntFunction<T> chars) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int total = 0;
        for (T item : items) {
            int length = chars.applyAsInt(item) + 1;
            if (!current.isEmpty() && (current.size() == MAX_PER_MESSAGE || total + length > MAX_MESSAGE_CHARS)) {
                chunks.add(current);
                current = new ArrayList<>();
                total = 0;
            }
            current.add(item);
            total += length;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
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

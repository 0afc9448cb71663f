package im.universal.federation.boundary;

import im.universal.federation.control.OrderingLane;
import im.universal.federation.control.Outgoing;
import im.universal.federation.control.OutgoingBatches;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes envelopes for one destination as JMS messages ({@link OutgoingBatches}): each message carries the type
 * ({@value FederationGateway#TYPE_PROPERTY}, or {@value FederationGateway#BATCH_TYPE}) and its lane as the JMS
 * group, so the broker gives one lane to one consumer at a time and the receiver keeps each lane's order.
 *
 * <p>The classic JMS API, not {@code JMSContext}: the resource adapter allows a transacted session outside JTA
 * (what the outbox relay uses) only through {@code createSession} (docs/benchmarks.md, finding 25).
 */
final class EnvelopeMessages {
    static final String GROUP_PROPERTY = "JMSXGroupID";

    private EnvelopeMessages() {}

    /**
     * Sends {@code envelopes} in order per lane through an anonymous {@code producer} of {@code session};
     * {@code sent} hears of each message's envelopes once the session has sent it. A refused send throws and sends
     * nothing more.
     */
    static <T extends Outgoing> void send(
            Session session,
            MessageProducer producer,
            Destination destination,
            List<T> envelopes,
            Consumer<List<T>> sent)
            throws JMSException {
        for (List<T> chunk : OutgoingBatches.of(envelopes)) {
            producer.send(destination, message(session, chunk));
            sent.accept(chunk);
        }
    }

    private static TextMessage message(Session session, List<? extends Outgoing> chunk) throws JMSException {
        TextMessage message = session.createTextMessage(OutgoingBatches.text(chunk));
        message.setStringProperty(
                FederationGateway.TYPE_PROPERTY,
                chunk.size() == 1 ? chunk.get(0).type() : FederationGateway.BATCH_TYPE);
        message.setStringProperty(
                GROUP_PROPERTY, OrderingLane.group(chunk.get(0).lane()));
        return message;
    }
}

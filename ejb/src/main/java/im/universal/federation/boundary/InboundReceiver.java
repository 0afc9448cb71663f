package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeCodec.Decoded;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.FederationStats;
import im.universal.platform.IspConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shared by the listeners: reads the text and the broker-validated sender of a JMS message and hands them to the
 * processor. Failures other than a rejected envelope propagate, so the transaction rolls back and the broker
 * redelivers (and dead-letters after its bounded number of attempts).
 */
@ApplicationScoped
public class InboundReceiver {
    /** Set by the broker ({@code populate-validated-user}); clients cannot forge it over CORE. */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private static final Logger LOG = Logger.getLogger(InboundReceiver.class.getName());

    @Inject
    InboundProcessor processor;

    @Inject
    FederationStats stats;

    @Inject
    IspConfig config;

    void receive(Message message, EnvelopeType.Channel channel) {
        try {
            if (!(message instanceof TextMessage text)) {
                stats.rejected("not_text");
                LOG.warning(() -> "[" + config.domain() + "] dropped a non-text message on " + channel);
                return;
            }
            String sender = message.getStringProperty(VALIDATED_USER);
            if (sender == null) {
                sender = message.getStringProperty("JMSXUserID");
            }
            if (FederationGateway.BATCH_TYPE.equals(message.getStringProperty(FederationGateway.TYPE_PROPERTY))) {
                receiveBatch(text.getText(), sender, channel);
            } else {
                processor.process(text.getText(), sender, channel);
            }
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "[" + config.domain() + "] could not read an inbound message", e);
            throw new IllegalStateException("unreadable JMS message", e);
        }
    }

    /**
     * A batch message: its envelopes in one transaction; if that fails, each in a transaction of its own (a failure
     * then propagates and the broker redelivers the batch; what was applied is dropped as a duplicate next time).
     */
    private void receiveBatch(String text, String sender, EnvelopeType.Channel channel) {
        List<Decoded> batch;
        try {
            batch = EnvelopeCodec.decodeBatch(text);
        } catch (EnvelopeRejected rejected) {
            stats.rejected(rejected.reason());
            LOG.warning(() -> "[" + config.domain() + "] rejected a batch from broker user " + sender + ": "
                    + rejected.getMessage());
            return;
        }
        try {
            processor.processBatch(batch, sender, channel);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "[" + config.domain() + "] a batch of " + batch.size()
                            + " envelopes failed; applying them one by one",
                    e);
            batch.forEach(decoded -> processor.processOne(decoded, sender, channel));
        }
    }
}

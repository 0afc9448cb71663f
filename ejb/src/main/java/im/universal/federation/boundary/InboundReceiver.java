package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeCodec.Decoded;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.FederationStats;
import im.universal.platform.IspConfig;
import im.universal.push.control.PushDispatcher;
import im.universal.push.entity.Notification;
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
    /** Pauses between in-place attempts of a failing inbound message. */
    static final long[] RETRY_BACKOFF_MILLIS = {200, 1_000};

    @Inject
    InboundProcessor processor;

    @Inject
    FederationStats stats;

    @Inject
    IspConfig config;

    @Inject
    PushDispatcher dispatcher;

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
            String body = text.getText();
            String from = sender;
            if (FederationGateway.BATCH_TYPE.equals(message.getStringProperty(FederationGateway.TYPE_PROPERTY))) {
                inPlace(() -> receiveBatch(body, from, channel));
            } else {
                inPlace(() -> processor.process(body, from, channel));
            }
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "[" + config.domain() + "] could not read an inbound message", e);
            throw new IllegalStateException("unreadable JMS message", e);
        }
    }

    /**
     * Applies a message, retrying in place after a failure (the database away for a moment) with a short backoff,
     * so its ordering lane, which the broker gives to this consumer alone, waits for it and nothing newer of that lane
     * overtakes it; after the last attempt the failure propagates, the transaction rolls back and the broker puts
     * the message back at the head of the inbox (no redelivery delay there, and the lane stays with this consumer),
     * up to its delivery limit. Applying again is safe: applied envelopes are dropped as duplicates (by envelope
     * id; a message by its server id, a receipt by the status it reached).
     */
    private void inPlace(Runnable apply) {
        for (int attempt = 1; ; attempt++) {
            try {
                apply.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= RETRY_BACKOFF_MILLIS.length + 1) {
                    throw e;
                }
                long pause = RETRY_BACKOFF_MILLIS[attempt - 1];
                LOG.log(
                        Level.WARNING,
                        "[" + config.domain() + "] applying an inbound message failed (attempt " + attempt
                                + "), again in " + pause + " ms",
                        e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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
        List<Notification> pushes;
        try {
            pushes = processor.processBatch(batch, sender, channel);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "[" + config.domain() + "] a batch of " + batch.size()
                            + " envelopes failed; applying them one by one",
                    e);
            batch.forEach(decoded -> processor.processOne(decoded, sender, channel));
            return;
        }
        // committed: the processor's transaction ended with the call
        pushes.forEach(this::push);
    }

    private void push(Notification notification) {
        try {
            dispatcher.dispatch(notification);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[" + config.domain() + "] a push to " + notification.to() + " failed", e);
        }
    }
}

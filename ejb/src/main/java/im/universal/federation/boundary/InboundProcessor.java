package im.universal.federation.boundary;

import im.universal.federation.control.Envelope;
import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.EnvelopeVerifier;
import im.universal.federation.control.FederationStats;
import im.universal.federation.entity.InboundEnvelope;
import im.universal.platform.IspConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one inbound envelope inside the listener's transaction: decode, check the origin against the broker's
 * authenticated sender, drop duplicates, dispatch. A rejected envelope is counted and logged, never retried.
 */
@Stateless
public class InboundProcessor {
    private static final Logger LOG = Logger.getLogger(InboundProcessor.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    FederationStats stats;

    @Inject
    InboundDispatcher dispatcher;

    /** Returns the applied envelope type, or null when it was rejected or a duplicate. */
    public EnvelopeType process(String text, String authenticatedSender, EnvelopeType.Channel channel) {
        try {
            Envelope envelope = EnvelopeCodec.decode(text);
            EnvelopeVerifier verifier = new EnvelopeVerifier(config.domain());
            verifier.verifyOrigin(envelope, authenticatedSender);
            if (envelope.type().channel() != channel) {
                throw new EnvelopeRejected("wrong_channel", envelope.type().wire() + " on " + channel);
            }
            if (em.find(InboundEnvelope.class, envelope.id()) != null) {
                stats.duplicate();
                LOG.fine(() -> "[" + config.domain() + "] duplicate envelope " + envelope.id());
                return null;
            }
            em.persist(new InboundEnvelope(
                    envelope.id(), envelope.origin(), envelope.type().wire()));
            dispatcher.dispatch(envelope, verifier);
            stats.accepted(envelope.type());
            return envelope.type();
        } catch (EnvelopeRejected rejected) {
            stats.rejected(rejected.reason());
            LOG.log(Level.WARNING, "[{0}] rejected envelope from broker user {1}: {2}", new Object[] {
                config.domain(), authenticatedSender, rejected.getMessage()
            });
            return null;
        }
    }
}

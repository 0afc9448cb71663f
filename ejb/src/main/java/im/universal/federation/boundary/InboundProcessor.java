package im.universal.federation.boundary;

import im.universal.federation.control.BlockList;
import im.universal.federation.control.Envelope;
import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeCodec.Decoded;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.EnvelopeVerifier;
import im.universal.federation.control.FederationStats;
import im.universal.federation.control.InboundLimits;
import im.universal.federation.control.KnownIsps;
import im.universal.federation.entity.InboundEnvelope;
import im.universal.platform.IspConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one inbound envelope inside the listener's transaction: decode, check the origin against the broker's
 * authenticated sender, drop duplicates, dispatch. A rejected envelope is counted and logged, never retried.
 */
@Stateless
public class InboundProcessor {
    private static final Logger LOG = Logger.getLogger(InboundProcessor.class.getName());
    private static final Set<EnvelopeType> FLUSHED_AT_COMMIT = EnumSet.of(EnvelopeType.MESSAGE, EnvelopeType.RECEIPT);

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    FederationStats stats;

    @Inject
    InboundDispatcher dispatcher;

    @Inject
    BlockList blockList;

    @Inject
    KnownIsps knownIsps;

    @Inject
    InboundLimits limits;

    /** Returns the applied envelope type, or null when it was rejected or a duplicate. */
    public EnvelopeType process(String text, String authenticatedSender, EnvelopeType.Channel channel) {
        try {
            return apply(EnvelopeCodec.decode(text), authenticatedSender, channel);
        } catch (EnvelopeRejected rejected) {
            reject(rejected, authenticatedSender);
            return null;
        }
    }

    /**
     * The envelopes of one batch message, in order, in one transaction. An envelope that is rejected is counted
     * and skipped; a failure rolls the whole batch back (the receiver then applies them one by one).
     *
     * <p>A batch of only messages and receipts is flushed at the commit, not before each query: with a hundred
     * envelopes in the persistence context, flushing before every lookup re-checked every entity each time
     * (quadratic; docs/benchmarks.md). Their lookups cannot miss an unflushed change of the same batch that matters:
     * a receipt finds a message this ISP sent earlier (the same entity again, if two receipts name it), and two
     * messages with one server id collide at the commit on its unique key, after which the receiver applies them one
     * by one as for any failed batch. Other types (directory, contacts), where a later envelope looks up what an
     * earlier one wrote, keep flushing before queries.
     */
    public void processBatch(List<Decoded> batch, String authenticatedSender, EnvelopeType.Channel channel) {
        if (batch.stream()
                .allMatch(d -> d.envelope() != null
                        && FLUSHED_AT_COMMIT.contains(d.envelope().type()))) {
            em.setFlushMode(FlushModeType.COMMIT);
        }
        batch.forEach(decoded -> apply(decoded, authenticatedSender, channel));
    }

    /** One envelope of a batch in a transaction of its own. */
    public void processOne(Decoded decoded, String authenticatedSender, EnvelopeType.Channel channel) {
        apply(decoded, authenticatedSender, channel);
    }

    private void apply(Decoded decoded, String authenticatedSender, EnvelopeType.Channel channel) {
        try {
            if (decoded.rejected() != null) {
                throw decoded.rejected();
            }
            apply(decoded.envelope(), authenticatedSender, channel);
        } catch (EnvelopeRejected rejected) {
            reject(rejected, authenticatedSender);
        }
    }

    private EnvelopeType apply(Envelope envelope, String authenticatedSender, EnvelopeType.Channel channel)
            throws EnvelopeRejected {
        if (config.domain().equals(authenticatedSender) && config.domain().equals(envelope.origin())) {
            return null; // the echo of this ISP's own broadcast on its own subscription
        }
        EnvelopeVerifier verifier = new EnvelopeVerifier(config.domain());
        verifier.verifyOrigin(envelope, authenticatedSender);
        if (blockList.isBlocked(envelope.origin())) {
            throw new EnvelopeRejected("blocked_domain", envelope.origin() + " is blocked");
        }
        if (envelope.type() == EnvelopeType.CONTACT_REQUEST && !limits.allowContactRequest(envelope.origin())) {
            throw new EnvelopeRejected("rate_limited", "too many contact requests from " + envelope.origin());
        }
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
        knownIsps.seen(envelope.origin());
        dispatcher.dispatch(envelope, verifier);
        stats.accepted(envelope.type());
        return envelope.type();
    }

    private void reject(EnvelopeRejected rejected, String authenticatedSender) {
        stats.rejected(rejected.reason());
        LOG.log(Level.WARNING, "[{0}] rejected envelope from broker user {1}: {2}", new Object[] {
            config.domain(), authenticatedSender, rejected.getMessage()
        });
    }
}

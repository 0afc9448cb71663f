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
import im.universal.message.boundary.InboundMessages;
import im.universal.message.boundary.RemoteMessage;
import im.universal.message.boundary.RemoteReceipt;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.presence.boundary.PresenceService;
import im.universal.presence.boundary.RemotePresence;
import im.universal.push.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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
    /** The types a batch of which is applied in bulk. */
    private static final Set<EnvelopeType> BULK =
            EnumSet.of(EnvelopeType.MESSAGE, EnvelopeType.RECEIPT, EnvelopeType.PRESENCE);

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

    @Inject
    InboundMessages inbound;

    @Inject
    PresenceService presence;

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
     * <p>A batch of only messages, receipts and presence (what chat traffic and the answers to a presence probe
     * send) is applied in bulk: its envelopes are screened one by one, their ids checked against the applied ones
     * in one query, and the messages, receipts and presence handed to {@link InboundMessages} and
     * {@link PresenceService} as lists, a few statements for the whole batch (docs/benchmarks.md, findings 16
     * and 18). Its pushes are returned for the caller to deliver after the commit. Other batches (directory,
     * contacts, probes, typing), where a later envelope may look up what an earlier one wrote, are applied envelope
     * by envelope and push through transaction events; they return no pushes.
     */
    public List<Notification> processBatch(
            List<Decoded> batch, String authenticatedSender, EnvelopeType.Channel channel) {
        if (batch.stream()
                .allMatch(
                        d -> d.envelope() != null && BULK.contains(d.envelope().type()))) {
            // flushed at the commit, not before each query: nothing the bulk path reads was written by this batch
            em.setFlushMode(FlushModeType.COMMIT);
            return applyBulk(batch, authenticatedSender, channel);
        }
        batch.forEach(decoded -> apply(decoded, authenticatedSender, channel));
        return List.of();
    }

    private List<Notification> applyBulk(
            List<Decoded> batch, String authenticatedSender, EnvelopeType.Channel channel) {
        EnvelopeVerifier verifier = new EnvelopeVerifier(config.domain());
        List<Envelope> screened = new ArrayList<>(batch.size());
        for (Decoded decoded : batch) {
            if (screen(decoded.envelope(), authenticatedSender, channel, verifier)) {
                screened.add(decoded.envelope());
            }
        }
        Set<String> applied = new HashSet<>();
        InLists.forEachRow(
                em,
                InboundEnvelope.APPLIED_IDS,
                screened.stream()
                        .filter(e -> !e.type().deduplicatesItself())
                        .map(Envelope::id)
                        .toList(),
                row -> applied.add((String) row[0]));
        List<RemoteMessage> messages = new ArrayList<>();
        List<RemoteReceipt> receipts = new ArrayList<>();
        List<RemotePresence> presences = new ArrayList<>();
        for (Envelope envelope : screened) {
            if (!applied.add(envelope.id())) {
                duplicate(envelope);
                continue;
            }
            record(envelope);
            try {
                switch (envelope.type()) {
                    case MESSAGE -> messages.add(InboundDispatcher.remoteMessage(envelope, verifier));
                    case RECEIPT -> receipts.add(InboundDispatcher.remoteReceipt(envelope, verifier));
                    default -> presences.add(InboundDispatcher.remotePresence(envelope, verifier));
                }
                stats.accepted(envelope.type());
            } catch (EnvelopeRejected rejected) {
                reject(rejected, authenticatedSender);
            }
        }
        List<Notification> pushes = new ArrayList<>();
        if (!messages.isEmpty()) {
            pushes.addAll(inbound.receive(messages));
        }
        if (!receipts.isEmpty()) {
            pushes.addAll(inbound.receipts(receipts));
        }
        if (!presences.isEmpty()) {
            pushes.addAll(presence.remoteUpdates(presences));
        }
        return pushes;
    }

    /** Passes an envelope of the bulk path through the checks of {@link #admit}, counting a rejection. */
    private boolean screen(
            Envelope envelope, String authenticatedSender, EnvelopeType.Channel channel, EnvelopeVerifier verifier) {
        try {
            return admit(envelope, authenticatedSender, channel, verifier);
        } catch (EnvelopeRejected rejected) {
            reject(rejected, authenticatedSender);
            return false;
        }
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
        EnvelopeVerifier verifier = new EnvelopeVerifier(config.domain());
        if (!admit(envelope, authenticatedSender, channel, verifier)) {
            return null;
        }
        if (!envelope.type().deduplicatesItself() && em.find(InboundEnvelope.class, envelope.id()) != null) {
            duplicate(envelope);
            return null;
        }
        record(envelope);
        dispatcher.dispatch(envelope, verifier);
        stats.accepted(envelope.type());
        return envelope.type();
    }

    /**
     * The checks before an envelope is applied: false for the echo of this ISP's own broadcast, a rejection for a
     * forged or own origin, a blocked domain, a flood of contact requests or the wrong channel.
     */
    private boolean admit(
            Envelope envelope, String authenticatedSender, EnvelopeType.Channel channel, EnvelopeVerifier verifier)
            throws EnvelopeRejected {
        if (config.domain().equals(authenticatedSender) && config.domain().equals(envelope.origin())) {
            return false; // the echo of this ISP's own broadcast on its own subscription
        }
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
        return true;
    }

    private void duplicate(Envelope envelope) {
        stats.duplicate();
        LOG.fine(() -> "[" + config.domain() + "] duplicate envelope " + envelope.id());
    }

    /**
     * Records the envelope as applied (a redelivered copy is then a duplicate), unless its type deduplicates
     * itself, and its origin as a known ISP.
     */
    private void record(Envelope envelope) {
        if (!envelope.type().deduplicatesItself()) {
            em.persist(new InboundEnvelope(
                    envelope.id(), envelope.origin(), envelope.type().wire()));
        }
        knownIsps.seen(envelope.origin());
    }

    private void reject(EnvelopeRejected rejected, String authenticatedSender) {
        stats.rejected(rejected.reason());
        LOG.log(Level.WARNING, "[{0}] rejected envelope from broker user {1}: {2}", new Object[] {
            config.domain(), authenticatedSender, rejected.getMessage()
        });
    }
}

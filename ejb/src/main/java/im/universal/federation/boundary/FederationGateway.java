package im.universal.federation.boundary;

import im.universal.federation.control.Envelope;
import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.KnownIsps;
import im.universal.federation.control.OrderingLane;
import im.universal.federation.control.OutboxWritten;
import im.universal.federation.control.Outgoing;
import im.universal.federation.entity.OutboxEntry;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.Resources;
import im.universal.platform.UimException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The outbound side of federation. Envelopes that report a change (messages, receipts, contact changes, the
 * directory) are written to the outbox in the caller's transaction and relayed to the broker after the commit
 * ({@link OutboxRelay}): a change that rolls back is never reported, a committed one always is, even across a crash
 * (docs/adr/003). Only envelopes that may be lost without harm are sent at once ({@link #sendEphemeral}).
 */
@Stateless
public class FederationGateway {
    public static final String DIRECTORY_ADDRESS = "uim.directory";
    public static final String INBOX_PREFIX = "uim.isp.";
    public static final String TYPE_PROPERTY = "uimType";
    /** {@link #TYPE_PROPERTY} of a message that carries several envelopes (docs/federation.md). */
    public static final String BATCH_TYPE = "batch";

    private static final Logger LOG = Logger.getLogger(FederationGateway.class.getName());

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    @Inject
    KnownIsps knownIsps;

    @Inject
    Event<OutboxWritten> written;

    /** Publishes to every other ISP through the directory topic, once the caller's transaction commits. */
    public void broadcast(EnvelopeType type, JsonObject payload) {
        enqueue(OutboxEntry.TOPIC + DIRECTORY_ADDRESS, type, payload);
    }

    /** Sends to the inbox of the ISP serving {@code domain}, once the caller's transaction commits. */
    public void send(String domain, EnvelopeType type, JsonObject payload) {
        sendAll(type, List.of(new Addressed(domain, payload)));
    }

    /**
     * As {@link #send}, for many envelopes of one type, each to the inbox of its own ISP, in the order given: one
     * call and one wake-up of the relay for a whole batch (a group commit's messages, a delivery batch's receipts)
     * instead of one each (docs/benchmarks.md, finding 33). An unknown domain refuses the whole call.
     */
    public void sendAll(EnvelopeType type, List<Addressed> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        for (Addressed envelope : envelopes) {
            persist(OutboxEntry.QUEUE + inboxOf(envelope.domain()), type, envelope.payload());
        }
        written.fire(OutboxWritten.INSTANCE);
    }

    /**
     * Sends to the inbox of {@code domain} now, through the broker alone (no outbox): for presence, probes and
     * typing notices, which are stale by the time a relay after a crash would deliver them.
     */
    public void sendEphemeral(String domain, EnvelopeType type, JsonObject payload) {
        sendEphemeral(domain, type, List.of(payload));
    }

    /**
     * As {@link #sendEphemeral(String, EnvelopeType, JsonObject)}, for many envelopes to one ISP: they travel as
     * batch messages, one per ordering lane (docs/federation.md), so the receiver applies up to a hundred in one
     * transaction, not one each.
     */
    public void sendEphemeral(String domain, EnvelopeType type, List<JsonObject> payloads) {
        String inbox = inboxOf(domain);
        List<Outgoing> envelopes = payloads.stream()
                .map(p -> Outgoing.of(
                        OrderingLane.of(type, p),
                        type.wire(),
                        EnvelopeCodec.encode(Envelope.create(type, config.domain(), p))))
                .toList();
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession()) { // enlisted in the caller's transaction
            EnvelopeMessages.send(
                    session, session.createProducer(null), session.createQueue(inbox), envelopes, c -> {});
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        LOG.fine(() -> "[" + config.domain() + "] sent " + payloads.size() + " " + type.wire() + " to " + inbox);
    }

    private String inboxOf(String domain) {
        if (domain.equals(config.domain())) {
            throw new IllegalArgumentException("local route sent to the broker");
        }
        if (!knownIsps.isKnown(domain)) {
            throw new UimException(ErrorCode.UNKNOWN_USER, "No ISP of the federation serves " + domain);
        }
        return INBOX_PREFIX + domain;
    }

    private void enqueue(String destination, EnvelopeType type, JsonObject payload) {
        persist(destination, type, payload);
        written.fire(OutboxWritten.INSTANCE);
    }

    private void persist(String destination, EnvelopeType type, JsonObject payload) {
        Envelope envelope = Envelope.create(type, config.domain(), payload);
        em.persist(new OutboxEntry(
                destination, type.wire(), OrderingLane.of(type, payload), EnvelopeCodec.encode(envelope)));
        LOG.fine(() -> "[" + config.domain() + "] queued " + type.wire() + " " + envelope.id() + " for " + destination);
    }
}

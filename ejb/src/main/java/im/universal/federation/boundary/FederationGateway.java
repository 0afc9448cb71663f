package im.universal.federation.boundary;

import im.universal.federation.control.Envelope;
import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.KnownIsps;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.Resources;
import im.universal.platform.UimException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.json.JsonObject;
import java.util.logging.Logger;

/**
 * The outbound side of federation, and the only code that sends JMS. Sends join the caller's JTA transaction
 * (the resource adapter enlists them), so a change that rolls back is never reported and a committed one always is.
 */
@Stateless
public class FederationGateway {
    public static final String DIRECTORY_ADDRESS = "uim.directory";
    public static final String INBOX_PREFIX = "uim.isp.";
    public static final String TYPE_PROPERTY = "uimType";

    private static final Logger LOG = Logger.getLogger(FederationGateway.class.getName());

    @Resource(lookup = Resources.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Inject
    IspConfig config;

    @Inject
    KnownIsps knownIsps;

    /** Publishes to every other ISP through the directory topic. */
    public void broadcast(EnvelopeType type, JsonObject payload) {
        try (JMSContext context = factory.createContext()) {
            send(context, context.createTopic(DIRECTORY_ADDRESS), type, payload);
        }
    }

    /** Sends to the inbox of the ISP serving {@code domain}. */
    public void send(String domain, EnvelopeType type, JsonObject payload) {
        if (domain.equals(config.domain())) {
            throw new IllegalArgumentException("local route sent to the broker: " + type.wire());
        }
        if (!knownIsps.isKnown(domain)) {
            throw new UimException(ErrorCode.UNKNOWN_USER, "No ISP of the federation serves " + domain);
        }
        try (JMSContext context = factory.createContext()) {
            send(context, context.createQueue(INBOX_PREFIX + domain), type, payload);
        }
    }

    private void send(JMSContext context, Destination destination, EnvelopeType type, JsonObject payload) {
        Envelope envelope = Envelope.create(type, config.domain(), payload);
        context.createProducer()
                .setProperty(TYPE_PROPERTY, type.wire())
                .send(destination, EnvelopeCodec.encode(envelope));
        LOG.fine(() -> "[" + config.domain() + "] sent " + type.wire() + " " + envelope.id() + " to " + destination);
    }
}

package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeType;
import im.universal.platform.Resources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes this ISP's inbox {@code uim.isp.<domain>}: messages, receipts, presence, contact requests. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Resources.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(
                    propertyName = "destination",
                    propertyValue = FederationGateway.INBOX_PREFIX + "${ENV=UIM_DOMAIN}"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "user", propertyValue = BrokerConnection.USER),
            @ActivationConfigProperty(propertyName = "password", propertyValue = BrokerConnection.PASSWORD),
            @ActivationConfigProperty(propertyName = "connectorClassName", propertyValue = BrokerConnection.CONNECTOR),
            @ActivationConfigProperty(
                    propertyName = "connectionParameters",
                    propertyValue = BrokerConnection.PARAMETERS),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = InboxListener.SESSIONS),
            @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true"),
            @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = BrokerConnection.SETUP_ATTEMPTS),
            @ActivationConfigProperty(
                    propertyName = "setupInterval",
                    propertyValue = BrokerConnection.SETUP_INTERVAL_MILLIS)
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // see docs/adr/003: acknowledged after the commit
public class InboxListener implements MessageListener {
    /**
     * Inbox sessions, each applying one message at a time. The broker gives each ordering lane (a JMS group,
     * docs/federation.md "Order") to one of them, so several conversations are applied at once and each in order.
     */
    static final String SESSIONS = "4";

    @Inject
    InboundReceiver receiver;

    @Override
    public void onMessage(Message message) {
        receiver.receive(message, EnvelopeType.Channel.INBOX);
    }
}

package im.universal.federation.boundary;

import im.universal.federation.control.EnvelopeType;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes this ISP's inbox {@code uim.isp.<domain>}: messages, receipts, presence, contact requests. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "uim.isp.${ENV=UIM_DOMAIN}"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "user", propertyValue = "${ENV=UIM_BROKER_USER}"),
            @ActivationConfigProperty(propertyName = "password", propertyValue = "${ENV=UIM_BROKER_PASSWORD}"),
            @ActivationConfigProperty(
                    propertyName = "connectorClassName",
                    propertyValue = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"),
            @ActivationConfigProperty(
                    propertyName = "connectionParameters",
                    propertyValue = "host=${ENV=UIM_BROKER_HOST};port=${ENV=UIM_BROKER_PORT}"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
            @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
            @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "2000")
        })
public class InboxListener implements MessageListener {

    @Inject
    InboundReceiver receiver;

    @Override
    public void onMessage(Message message) {
        receiver.receive(message, EnvelopeType.Channel.INBOX);
    }
}

package im.universal.federation.boundary;

/**
 * How the message-driven beans reach the broker, named once for both listeners (activation properties must be
 * compile-time constants). Values come from the ISP's environment.
 */
final class BrokerConnection {
    static final String CONNECTOR = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
    static final String PARAMETERS = "host=${ENV=UIM_BROKER_HOST};port=${ENV=UIM_BROKER_PORT}";
    static final String USER = "${ENV=UIM_BROKER_USER}";
    static final String PASSWORD = "${ENV=UIM_BROKER_PASSWORD}";
    /** Keep trying to activate while the broker is away (the ISP starts anyway). */
    static final String SETUP_ATTEMPTS = "-1";

    static final String SETUP_INTERVAL_MILLIS = "2000";

    private BrokerConnection() {}
}

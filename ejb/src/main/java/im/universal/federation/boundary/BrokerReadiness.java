package im.universal.federation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker's acceptor can be reached (federation and outbound sends depend on it). */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    static final int TIMEOUT_MILLIS = 1000;

    @Inject
    @ConfigProperty(name = "uim.broker.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "uim.broker.port", defaultValue = "61616")
    int port;

    @Override
    public HealthCheckResponse call() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return HealthCheckResponse.named("broker").up().build();
        } catch (IOException e) {
            return HealthCheckResponse.named("broker").down().build();
        }
    }
}

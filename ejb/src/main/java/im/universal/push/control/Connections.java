package im.universal.push.control;

import im.universal.platform.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** The one connection registry of this instance. */
@ApplicationScoped
public class Connections {
    private final ConnectionRegistry registry = new ConnectionRegistry();

    void publishGauge(@Observes @Initialized(ApplicationScoped.class) Object started, Telemetry telemetry) {
        telemetry.gauge("uim_connections", "Open authenticated WebSocket connections", registry::connectionCount);
    }

    @Produces
    public ConnectionRegistry registry() {
        return registry;
    }
}

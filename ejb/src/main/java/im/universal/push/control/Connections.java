package im.universal.push.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one connection registry of this instance. */
@ApplicationScoped
public class Connections {
    private final ConnectionRegistry registry = new ConnectionRegistry();

    @Produces
    public ConnectionRegistry registry() {
        return registry;
    }
}

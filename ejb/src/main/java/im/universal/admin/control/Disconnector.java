package im.universal.admin.control;

import im.universal.push.boundary.ClientConnection;
import im.universal.push.control.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Closes connections after commit, so a client never reconnects with a token the database still accepts. */
@ApplicationScoped
public class Disconnector {
    private static final Logger LOG = Logger.getLogger(Disconnector.class.getName());

    @Inject
    ConnectionRegistry connections;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Disconnect request) {
        int closed = disconnect(request);
        LOG.info(() -> "Closed " + closed + " connection(s) of " + request.address() + ": " + request.reason());
    }

    /** Closes the matching connections; returns how many. */
    public int disconnect(Disconnect request) {
        int closed = 0;
        for (ClientConnection connection : connections.connections(request.address())) {
            if (request.sessionId() == null
                    || request.sessionId() == connection.caller().sessionId()) {
                connection.close(request.code(), request.reason());
                closed++;
            }
        }
        return closed;
    }
}

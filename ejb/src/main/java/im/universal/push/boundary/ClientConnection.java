package im.universal.push.boundary;

import im.universal.push.entity.Notification;
import im.universal.session.control.Caller;

/**
 * One authenticated client connection (a WebSocket in the web module). The domain pushes notifications to it and
 * never learns the transport.
 */
public interface ClientConnection {
    String id();

    Caller caller();

    /** Queues a notification; must not block the caller on network I/O. */
    void push(Notification notification);

    /** Closes the connection, e.g. at logout or when the account is disabled. */
    void close(String reason);

    /** Closes the connection with a WebSocket close code, e.g. 1008 (policy violation) for a disabled account. */
    default void close(int code, String reason) {
        close(reason);
    }
}

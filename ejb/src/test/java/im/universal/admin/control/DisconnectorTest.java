package im.universal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import im.universal.platform.Address;
import im.universal.push.boundary.ClientConnection;
import im.universal.push.control.ConnectionRegistry;
import im.universal.push.entity.Notification;
import im.universal.session.control.Caller;
import im.universal.session.entity.Mode;
import org.junit.jupiter.api.Test;

class DisconnectorTest {

    /** A connection that records how it was closed. */
    static final class Recorded implements ClientConnection {
        final Caller caller;
        Integer code;
        String reason;

        Recorded(String address, long sessionId) {
            this.caller = new Caller(sessionId, 1, Address.parse(address), Mode.UNIVERSAL, "test");
        }

        @Override
        public String id() {
            return caller.address() + "#" + caller.sessionId();
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public void push(Notification notification) {}

        @Override
        public void close(String reason) {
            close(1000, reason);
        }

        @Override
        public void close(int code, String reason) {
            this.code = code;
            this.reason = reason;
        }
    }

    @Test
    void disablingClosesEveryConnectionOfTheUserWith1008() {
        // Setup
        Disconnector disconnector = new Disconnector();
        disconnector.connections = new ConnectionRegistry();
        Recorded phone = new Recorded("alice@alpha.test", 1);
        Recorded laptop = new Recorded("alice@alpha.test", 2);
        Recorded bob = new Recorded("bob@alpha.test", 3);
        disconnector.connections.add(phone);
        disconnector.connections.add(laptop);
        disconnector.connections.add(bob);

        // Execute
        int closed = disconnector.disconnect(
                new Disconnect("alice@alpha.test", null, Disconnect.POLICY_VIOLATION, "account disabled"));

        // Verify
        assertEquals(2, closed);
        assertEquals(1008, phone.code);
        assertEquals("account disabled", laptop.reason);
        assertNull(bob.code);
    }

    @Test
    void kickingClosesOnlyThatSession() {
        Disconnector disconnector = new Disconnector();
        disconnector.connections = new ConnectionRegistry();
        Recorded phone = new Recorded("alice@alpha.test", 1);
        Recorded laptop = new Recorded("alice@alpha.test", 2);
        disconnector.connections.add(phone);
        disconnector.connections.add(laptop);

        int closed = disconnector.disconnect(new Disconnect("alice@alpha.test", 2L, 1008, "session ended"));

        assertEquals(1, closed);
        assertNull(phone.code);
        assertEquals(1008, laptop.code);
    }
}

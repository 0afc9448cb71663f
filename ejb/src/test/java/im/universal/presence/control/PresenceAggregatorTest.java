package im.universal.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceAggregatorTest {
    private static final Instant SEEN = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void noDeviceIsOfflineWithLastSeen() {
        PresenceView view = PresenceAggregator.aggregate(List.of(), SEEN);
        assertEquals(Show.OFFLINE, view.show());
        assertEquals(SEEN, view.lastSeen());
        assertFalse(view.online());
    }

    @Test
    void theMostReachableDeviceWins() {
        var phone = new DevicePresence(Show.AWAY, "on the road", 5);
        var desk = new DevicePresence(Show.AVAILABLE, "at my desk", 1);
        var laptop = new DevicePresence(Show.DND, "meeting", 9);
        assertEquals(
                Show.AVAILABLE,
                PresenceAggregator.aggregate(List.of(phone, desk, laptop), SEEN).show());
        assertEquals(
                Show.DND,
                PresenceAggregator.aggregate(List.of(phone, laptop), SEEN).show());
        assertEquals(
                "meeting",
                PresenceAggregator.aggregate(List.of(phone, laptop), SEEN).status());
    }

    @Test
    void amongEqualShowsTheLatestStatusTextWins() {
        var older = new DevicePresence(Show.AWAY, "lunch", 3);
        var newer = new DevicePresence(Show.AWAY, "back at 2", 4);
        assertEquals(
                "back at 2",
                PresenceAggregator.aggregate(List.of(newer, older), SEEN).status());
        assertNull(PresenceAggregator.aggregate(List.of(new DevicePresence(Show.AVAILABLE, null, 1)), null)
                .status());
    }
}

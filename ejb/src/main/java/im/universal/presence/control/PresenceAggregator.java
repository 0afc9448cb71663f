package im.universal.presence.control;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

/**
 * Folds the presence of a user's devices into what contacts see: the most reachable show wins (available, then
 * dnd, then away); among devices with that show, the status text of the most recent update. Online users have no
 * last-seen time; with no device the user is offline, last seen when their last device left.
 */
public final class PresenceAggregator {
    private PresenceAggregator() {}

    public static PresenceView aggregate(Collection<DevicePresence> devices, Instant lastSeen) {
        return devices.stream()
                .max(Comparator.comparingInt((DevicePresence d) -> d.show().rank())
                        .thenComparingLong(DevicePresence::seq))
                .map(d -> new PresenceView(d.show(), d.status(), null))
                .orElseGet(() -> PresenceView.offline(lastSeen));
    }
}

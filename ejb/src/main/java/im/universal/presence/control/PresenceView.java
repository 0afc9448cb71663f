package im.universal.presence.control;

import java.time.Instant;

/** A user's presence as contacts see it: the aggregate over devices, status text and last seen. */
public record PresenceView(Show show, String status, Instant lastSeen) {
    public static final int MAX_STATUS = 200;

    public static PresenceView offline(Instant lastSeen) {
        return new PresenceView(Show.OFFLINE, null, lastSeen);
    }

    public boolean online() {
        return show != Show.OFFLINE;
    }
}

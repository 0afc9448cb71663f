package im.universal.presence.control;

/** What one connected device (login session) says about its user; {@code seq} orders updates. */
public record DevicePresence(Show show, String status, long seq) {}

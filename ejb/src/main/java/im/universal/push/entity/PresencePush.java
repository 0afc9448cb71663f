package im.universal.push.entity;

import im.universal.presence.control.PresenceView;

/** Contact {@code from} changed presence. */
public record PresencePush(String to, String from, PresenceView presence) implements Notification {}

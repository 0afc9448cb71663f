package im.universal.push.entity;

import java.time.Instant;

/** A message for {@code to}; written to the socket, it counts as delivered. */
public record MessagePush(String to, String serverId, String from, String body, Instant sentAt)
        implements Notification {}

package im.universal.push.entity;

/** The sender {@code to} learns that message {@code serverId} reached {@code status}. */
public record StatusPush(String to, String serverId, String status) implements Notification {}

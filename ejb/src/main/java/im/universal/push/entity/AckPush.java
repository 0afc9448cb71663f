package im.universal.push.entity;

/**
 * The answer to one {@code message} frame, for the connection that sent it: the message is stored
 * ({@code serverId}) or it was a resend of a stored one ({@code duplicate}).
 */
public record AckPush(String to, String clientId, String serverId, String status, boolean duplicate)
        implements Notification {}

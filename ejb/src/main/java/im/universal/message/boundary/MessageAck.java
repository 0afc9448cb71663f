package im.universal.message.boundary;

/** The answer to a sent message: the server id, and whether it was a resend of an already accepted one. */
public record MessageAck(String clientId, String serverId, String status, boolean duplicate) {}

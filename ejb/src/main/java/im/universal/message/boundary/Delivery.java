package im.universal.message.boundary;

/** Message {@code serverId} was written to a socket of its recipient {@code recipient}. */
public record Delivery(String recipient, String serverId) {}

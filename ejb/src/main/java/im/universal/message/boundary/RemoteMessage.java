package im.universal.message.boundary;

import im.universal.platform.Address;
import java.time.Instant;

/** A message another ISP sent to a local user, as its verified envelope carries it. */
public record RemoteMessage(String serverId, Address from, Address to, String clientId, String body, Instant sentAt) {}

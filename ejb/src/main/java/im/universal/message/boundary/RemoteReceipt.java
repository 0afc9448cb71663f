package im.universal.message.boundary;

import im.universal.platform.Address;

/** A receipt from another ISP: its user {@code from} got or read message {@code serverId} of local user {@code to}. */
public record RemoteReceipt(String serverId, Address from, Address to, String status) {}

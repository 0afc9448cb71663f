package im.universal.push.entity;

/** The contact {@code address} of {@code to} is now in {@code state} (a contact state, removed or denied). */
public record ContactPush(String to, String address, String state) implements Notification {}

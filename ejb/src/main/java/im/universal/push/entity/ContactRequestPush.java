package im.universal.push.entity;

/** {@code from} asks to become a contact of {@code to}. */
public record ContactRequestPush(String to, String from, String displayName) implements Notification {}

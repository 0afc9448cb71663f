package im.universal.push.entity;

/** Contact {@code from} is composing or paused. */
public record TypingPush(String to, String from, String state) implements Notification {}

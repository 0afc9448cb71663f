package im.universal.push.entity;

/** An error learnt later, e.g. a remote ISP reporting an unknown user for a contact request. */
public record ErrorPush(String to, String code, String message, String ref) implements Notification {}

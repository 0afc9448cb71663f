package im.universal.push.entity;

/**
 * Something to tell one connected user. Fired as a CDI event inside the transaction of the change it reports and
 * pushed only after that transaction commits; the web module encodes it as a frame.
 */
public sealed interface Notification
        permits MessagePush, AckPush, StatusPush, PresencePush, ContactRequestPush, ContactPush, TypingPush, ErrorPush {
    /** The local user it is for. */
    String to();
}

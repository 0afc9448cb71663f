package im.universal.message.entity;

import java.util.Locale;

/** How far a message has come, as its sender sees it. Only ever moves forward. */
public enum MessageStatus {
    ACCEPTED,
    DELIVERED,
    READ;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAfter(MessageStatus other) {
        return ordinal() > other.ordinal();
    }
}

package im.universal.federation.control;

/** An envelope was written to the outbox; observed after the commit to wake the relay. */
public enum OutboxWritten {
    INSTANCE
}

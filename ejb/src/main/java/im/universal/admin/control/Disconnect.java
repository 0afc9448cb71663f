package im.universal.admin.control;

/**
 * Close the connections of {@code address} (only those of login session {@code sessionId} when it is not null)
 * once the transaction that ended their sessions has committed.
 */
public record Disconnect(String address, Long sessionId, int code, String reason) {
    /** WebSocket close code 1008: policy violation (the account was disabled, the session was ended, ...). */
    public static final int POLICY_VIOLATION = 1008;
}

package im.universal.platform;

import jakarta.ejb.ApplicationException;

/** A refusal that passes: the client may try again after {@link #retryAfterSeconds()} (HTTP Retry-After). */
@ApplicationException(rollback = true)
public class RetryLaterException extends UimException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

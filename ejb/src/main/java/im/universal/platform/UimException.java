package im.universal.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the client can act on: carries a documented {@link ErrorCode}. Thrown by boundaries; the transport
 * adapters turn it into an error body or an error frame. Rolls the transaction back, so nothing is half-written.
 */
@ApplicationException(rollback = true)
public class UimException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public UimException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

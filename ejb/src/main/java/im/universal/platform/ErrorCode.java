package im.universal.platform;

/** The documented error codes of the public protocol (docs/protocol.md), with their HTTP status. */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_USERNAME("invalid_username", 400),
    INVALID_ADDRESS("invalid_address", 400),
    WEAK_PASSWORD("weak_password", 400),
    TOO_LARGE("too_large", 400),
    UNAUTHORIZED("unauthorized", 401),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    ACCOUNT_DISABLED("account_disabled", 403),
    FORBIDDEN("forbidden", 403),
    MODE_RESTRICTED("mode_restricted", 403),
    NOT_A_CONTACT("not_a_contact", 403),
    NOT_FOUND("not_found", 404),
    UNKNOWN_USER("unknown_user", 404),
    NO_REQUEST("no_request", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    USERNAME_TAKEN("username_taken", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    TOO_MANY_ATTEMPTS("too_many_attempts", 429),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL_ERROR("internal_error", 500),
    UNAVAILABLE("unavailable", 503);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

package im.universal.account.control;

import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;

/** The rules a registration must meet (docs/protocol.md): username, password and display name. */
public final class RegistrationPolicy {
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;
    public static final int MAX_DISPLAY_NAME = 100;

    private RegistrationPolicy() {}

    /** The normalised local part, or {@code invalid_username}. */
    public static String username(String raw) {
        String local = Address.normaliseLocal(raw);
        if (local == null) {
            throw new UimException(
                    ErrorCode.INVALID_USERNAME,
                    "Usernames are 1-64 characters of a-z 0-9 . _ - and start with a letter or digit");
        }
        return local;
    }

    public static String password(String raw) {
        if (raw == null || raw.codePointCount(0, raw.length()) < MIN_PASSWORD) {
            throw new UimException(ErrorCode.WEAK_PASSWORD, "Passwords need at least 8 characters");
        }
        if (raw.length() > MAX_PASSWORD) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "Password too long");
        }
        return raw;
    }

    /** The display name to store: trimmed, defaulting to the username, without control characters. */
    public static String displayName(String raw, String username) {
        if (raw == null || raw.isBlank()) {
            return username;
        }
        String trimmed = raw.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_DISPLAY_NAME
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new UimException(
                    ErrorCode.INVALID_REQUEST, "Display names are up to 100 characters, no control characters");
        }
        return trimmed;
    }
}

package im.universal.message.control;

import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;

/** Limits on what a message may carry (docs/protocol.md). */
public final class MessageRules {
    /** Body limit, in Unicode code points. */
    public static final int MAX_BODY = 4096;

    public static final int MAX_CLIENT_ID = 128;

    private MessageRules() {}

    public static String body(String body) {
        if (body == null || body.isEmpty()) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "body is required");
        }
        if (body.length() > MAX_BODY * 2 || body.codePointCount(0, body.length()) > MAX_BODY) {
            throw new UimException(ErrorCode.TOO_LARGE, "body is limited to 4096 characters");
        }
        return body;
    }

    /** A server id named by a receipt: present and of sane length. */
    public static String serverId(String id) {
        if (id == null || id.length() > 64) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "id is required");
        }
        return id;
    }

    public static String clientId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_CLIENT_ID) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "id is required (at most 128 characters)");
        }
        return id;
    }
}

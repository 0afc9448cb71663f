package im.universal.session.control;

import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.UimException;
import im.universal.session.entity.Mode;

/** Who is calling: an authenticated login session, resolved from its token. */
public record Caller(long sessionId, long accountId, Address address, Mode mode, String device) {

    public boolean isProprietary() {
        return mode == Mode.PROPRIETARY;
    }

    /** Refuses ({@code mode_restricted}) a proprietary session's attempt to reach another ISP. */
    public void requireReach(boolean local) {
        if (!local && isProprietary()) {
            throw new UimException(ErrorCode.MODE_RESTRICTED, "A proprietary session reaches only its own ISP");
        }
    }
}

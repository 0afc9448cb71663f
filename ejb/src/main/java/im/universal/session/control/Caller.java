package im.universal.session.control;

import im.universal.platform.Address;
import im.universal.session.entity.Mode;

/** Who is calling: an authenticated login session, resolved from its token. */
public record Caller(long sessionId, long accountId, Address address, Mode mode, String device) {

    public boolean isProprietary() {
        return mode == Mode.PROPRIETARY;
    }
}

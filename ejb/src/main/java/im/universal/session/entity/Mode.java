package im.universal.session.entity;

import java.util.Locale;

/** What a login session may reach: every ISP, or only its own. */
public enum Mode {
    UNIVERSAL,
    PROPRIETARY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire value; null means the default, {@link #UNIVERSAL}; anything unknown is null. */
    public static Mode fromWire(String value) {
        if (value == null) {
            return UNIVERSAL;
        }
        for (Mode mode : values()) {
            if (mode.wire().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}

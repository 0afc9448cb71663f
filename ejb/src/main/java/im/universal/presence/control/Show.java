package im.universal.presence.control;

import java.util.Locale;

/** A presence "show" value, ranked by how reachable it makes the user (for aggregating several devices). */
public enum Show {
    OFFLINE(0),
    AWAY(1),
    DND(2),
    AVAILABLE(3);

    private final int rank;

    Show(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A show a client may set for itself ({@code available}, {@code away}, {@code dnd}); null otherwise. */
    public static Show settable(String wire) {
        if (wire == null) {
            return null;
        }
        return switch (wire) {
            case "available" -> AVAILABLE;
            case "away" -> AWAY;
            case "dnd" -> DND;
            default -> null;
        };
    }

    /** Any wire value including {@code offline}; null when unknown. */
    public static Show fromWire(String wire) {
        return "offline".equals(wire) ? OFFLINE : settable(wire);
    }
}

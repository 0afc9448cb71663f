package im.universal.federation.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The ordering lane of an envelope (docs/federation.md, "Order"): envelopes about one conversation — the two
 * users of a message, receipt, typing notice, contact request or answer, or error, whichever of them sends — share a
 * lane, and so do the presence envelopes and probes of one user and the directory envelopes of one address. Each
 * lane's envelopes are sent in order with the lane as the JMS group ({@code JMSXGroupID}); the broker hands one group
 * to one consumer at a time, so a receiver applies several lanes at once while each keeps its order.
 */
public final class OrderingLane {
    /**
     * Lanes per destination: as many as a receiver of this implementation has inbox sessions (InboxListener), so
     * each session can have a lane of its own. More lanes split the batches further without adding parallelism;
     * measured, 4 lanes beat 1, 2, 8 and 16 (docs/benchmarks.md, finding 25).
     */
    public static final int LANES = 4;

    private OrderingLane() {}

    /** The lane, 0 to {@link #LANES} − 1, of an envelope of {@code type} with {@code payload}. */
    public static int of(EnvelopeType type, JsonObject payload) {
        return switch (type) {
            case MESSAGE, RECEIPT, TYPING, CONTACT_REQUEST, CONTACT_ANSWER -> pair(
                    text(payload, "from"), text(payload, "to"));
            case ERROR -> pair(text(payload, "to"), text(payload, "ref"));
            case PRESENCE, PRESENCE_PROBE -> lane(text(payload, "from"));
            case DIRECTORY_REGISTERED, DIRECTORY_UPDATED, DIRECTORY_REMOVED -> lane(text(payload, "address"));
            default -> 0;
        };
    }

    /** The JMS group of a lane. */
    public static String group(int lane) {
        return "lane-" + lane;
    }

    private static int pair(String one, String other) {
        return one.compareTo(other) <= 0 ? lane(one + ' ' + other) : lane(other + ' ' + one);
    }

    /**
     * String.hashCode is the same in every JVM, but its low bits vary little between similar addresses (user1,
     * user2, …): mixed first (the finaliser of MurmurHash3), so conversations spread over all lanes.
     */
    private static int lane(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, LANES);
    }

    private static String text(JsonObject payload, String field) {
        JsonValue value = payload.get(field);
        return value instanceof JsonString string ? string.getString() : "";
    }
}

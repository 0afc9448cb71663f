package im.universal.federation.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox destinations the broker refused, each left alone for a while: 2 s after the first refusal, doubling
 * up to 60 s while it keeps refusing, forgotten at the first success. Not thread-safe (the relay's own thread).
 */
public final class DestinationPauses {
    public static final long FIRST_MILLIS = 2_000;
    public static final long MAX_MILLIS = 60_000;

    private record Pause(long until, long length) {}

    private final Map<String, Pause> pauses = new HashMap<>();

    /** The destinations to leave alone at {@code now}. */
    public List<String> paused(long now) {
        return pauses.entrySet().stream()
                .filter(e -> e.getValue().until() > now)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** {@code destination} refused a send at {@code now}; returns how long it is left alone. */
    public long refused(String destination, long now) {
        Pause last = pauses.get(destination);
        long length = last == null ? FIRST_MILLIS : Math.min(MAX_MILLIS, last.length() * 2);
        pauses.put(destination, new Pause(now + length, length));
        return length;
    }

    /** {@code destination} took a send: it starts afresh. */
    public void succeeded(String destination) {
        pauses.remove(destination);
    }
}

package im.universal.federation.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Which envelopes for one destination travel together (docs/federation.md, "Batches"): the envelopes of one
 * {@link OrderingLane lane}, in their order, in runs of at most {@link #MAX_PER_MESSAGE} envelopes and
 * {@link #MAX_MESSAGE_CHARS} characters; so the broker stores one message, and the receiver commits one
 * transaction, for many envelopes.
 */
public final class OutgoingBatches {
    /** Envelopes per batch message; below the receivers' limit ({@link EnvelopeCodec#MAX_BATCH}). */
    public static final int MAX_PER_MESSAGE = 100;
    /** Characters per batch message: well below the broker's large-message threshold (100 KiB). */
    public static final int MAX_MESSAGE_CHARS = 32 * 1024;

    private OutgoingBatches() {}

    /** The messages that carry {@code envelopes}, lane by lane (in the order the lanes first appear). */
    public static <T extends Outgoing> List<List<T>> of(List<T> envelopes) {
        Map<Integer, List<T>> byLane = new LinkedHashMap<>();
        envelopes.forEach(
                e -> byLane.computeIfAbsent(e.lane(), lane -> new ArrayList<>()).add(e));
        List<List<T>> messages = new ArrayList<>();
        byLane.values()
                .forEach(lane -> messages.addAll(chunks(lane, e -> e.envelope().length())));
        return messages;
    }

    /** The text of a message carrying {@code chunk}: a lone envelope as it is, several as a batch. */
    public static String text(List<? extends Outgoing> chunk) {
        return chunk.size() == 1
                ? chunk.get(0).envelope()
                : EnvelopeCodec.encodeBatch(
                        chunk.stream().map(Outgoing::envelope).toList());
    }

    /** Consecutive runs of at most {@link #MAX_PER_MESSAGE} items and {@link #MAX_MESSAGE_CHARS} characters. */
    static <T> List<List<T>> chunks(List<T> items, ToIntFunction<T> chars) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int total = 0;
        for (T item : items) {
            int length = chars.applyAsInt(item) + 1;
            if (!current.isEmpty() && (current.size() == MAX_PER_MESSAGE || total + length > MAX_MESSAGE_CHARS)) {
                chunks.add(current);
                current = new ArrayList<>();
                total = 0;
            }
            current.add(item);
            total += length;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}

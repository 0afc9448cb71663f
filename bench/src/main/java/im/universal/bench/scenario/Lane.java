package im.universal.bench.scenario;

import im.universal.bench.client.Jsons;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The receiving side of one pair in one run: checks that sequence numbers arrive exactly once and in order,
 * records each latency (from the intended send time, so a stalled sender does not hide queueing), and frees a
 * window slot per arrival. Bodies look like {@code "<tag> <lane> <seq>"}.
 */
final class Lane {
    final int index;
    final Pair pair;
    final int messages;
    final Semaphore window;
    final AtomicLongArray intendedAt;
    private final String tag;
    private final long[] latencyNanos;
    private final BitSet seen;
    private final List<String> violations = new ArrayList<>();
    private int expected;
    private int delivered;
    private long duplicates;
    private long outOfOrder;
    private long strays;
    private long errors;
    private long acks;
    private volatile long lastArrival;

    Lane(int index, Pair pair, String tag, int messages, int window) {
        this.index = index;
        this.pair = pair;
        this.tag = tag;
        this.messages = messages;
        this.window = new Semaphore(window);
        this.intendedAt = new AtomicLongArray(messages);
        this.latencyNanos = new long[messages];
        this.seen = new BitSet(messages);
    }

    static String body(String tag, int lane, int seq) {
        return tag + " " + lane + " " + seq;
    }

    String body(int seq) {
        return body(tag, index, seq);
    }

    String clientId(int seq) {
        return tag + "-" + index + "-" + seq;
    }

    /** A frame on the receiver's socket. */
    void onReceiverFrame(JsonObject frame) {
        String type = Jsons.str(frame, "type");
        if ("message".equals(type)) {
            arrived(Jsons.str(frame, "body"), System.nanoTime());
        } else if ("error".equals(type)) {
            violation("receiver got an error frame: " + frame);
        }
    }

    /** A frame on the sender's socket: acks are counted, errors are violations. */
    void onSenderFrame(JsonObject frame) {
        String type = Jsons.str(frame, "type");
        if ("ack".equals(type)) {
            synchronized (this) {
                acks++;
            }
        } else if ("error".equals(type)) {
            violation("sender got an error frame: " + frame);
            synchronized (this) {
                errors++;
            }
        }
    }

    private void arrived(String body, long now) {
        String[] parts = body == null ? new String[0] : body.split(" ");
        if (parts.length != 3
                || !tag.equals(parts[0])
                || !Integer.toString(index).equals(parts[1])) {
            synchronized (this) {
                strays++;
            }
            violation("lane " + index + ": unexpected message " + body);
            return;
        }
        int seq = Integer.parseInt(parts[2]);
        synchronized (this) {
            if (seq < 0 || seq >= messages) {
                strays++;
                violations.add("lane " + index + ": sequence out of range " + seq);
                return;
            }
            if (seen.get(seq)) {
                duplicates++;
                violations.add("lane " + index + ": duplicate of " + seq);
                return;
            }
            seen.set(seq);
            if (seq != expected) {
                outOfOrder++;
                violations.add("lane " + index + ": got " + seq + " while expecting " + expected);
            }
            expected = Math.max(expected, seq + 1);
            latencyNanos[seq] = now - intendedAt.get(seq);
            delivered++;
        }
        lastArrival = now;
        window.release();
    }

    private synchronized void violation(String text) {
        violations.add(text);
    }

    synchronized int delivered() {
        return delivered;
    }

    long lastArrival() {
        return lastArrival;
    }

    synchronized void collect(Tally tally) {
        tally.delivered += delivered;
        tally.duplicates += duplicates;
        tally.outOfOrder += outOfOrder;
        tally.strays += strays;
        tally.errors += errors;
        tally.acks += acks;
        tally.lost += messages - delivered;
        if (delivered < messages) {
            tally.violations.add("lane " + index + " (" + pair.sender().address() + " -> "
                    + pair.receiver().address() + "): " + (messages - delivered) + " of " + messages + " lost");
        }
        tally.violations.addAll(violations);
        for (int seq = 0; seq < messages; seq++) {
            if (seen.get(seq)) {
                tally.latencies.add(latencyNanos[seq]);
            }
        }
    }

    /** Totals over the lanes of a run. */
    static final class Tally {
        long delivered;
        long duplicates;
        long outOfOrder;
        long strays;
        long errors;
        long acks;
        long lost;
        final List<String> violations = new ArrayList<>();
        final LongList latencies = new LongList();
    }

    /** A growable long array. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}

package im.universal.bench.federation;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the benchmark can do with the processes behind the endpoints: read their memory, their start-up time,
 * restart one. A federation the benchmark did not start (the test suite's) offers none of it.
 */
public interface Host {

    Host NONE = new Host() {};

    /** Resident set size of the ISP's process in KiB, if known. */
    default OptionalLong rssKb(String domain) {
        return OptionalLong.empty();
    }

    /** Resident set size of the ISP's process in KiB a few seconds after it became ready, before any load. */
    default OptionalLong idleRssKb(String domain) {
        return OptionalLong.empty();
    }

    /** The ISP's used heap after a full collection, in KiB, if known. */
    default OptionalLong liveHeapKb(String domain) {
        return OptionalLong.empty();
    }

    /** From launch to ready ({@code /health} 200 and the API serving), if this tool started it. */
    default Optional<Duration> startup(String domain) {
        return Optional.empty();
    }

    /**
     * Freezes ({@code SIGSTOP}) or thaws ({@code SIGCONT}) the ISP's process, so that work can pile up for it in the
     * broker and its catching up can be measured alone; false when not possible.
     */
    default boolean freeze(String domain, boolean frozen) {
        return false;
    }

    /** Stops the ISP gracefully (SIGTERM) and starts it again on the same data; false when not possible. */
    default boolean restart(String domain) {
        return false;
    }
}

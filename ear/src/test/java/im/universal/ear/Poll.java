package im.universal.ear;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (no fixed sleeps: re-checks every {@code interval} until it holds). */
final class Poll {
    private Poll() {}

    /**
     * Evaluates {@code probe} until it returns a present value or {@code timeout} has passed.
     *
     * @throws AssertionError with {@code what} and the last failure when the deadline passes
     */
    static <T> T until(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        Throwable last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                AssertionError error = new AssertionError("timed out after " + timeout.toSeconds() + " s: " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        until(
                what,
                timeout,
                Duration.ofMillis(500),
                () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}

package im.universal.it.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline. The only polling in the tests lives here; everything that can be
 * signalled (WebSocket frames, process exit) is awaited on the signal instead.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(250);

    private Await() {}

    /** Polls {@code probe} until it returns a value or {@code timeout} passes; then fails with {@code what}. */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                AssertionError failure =
                        new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}

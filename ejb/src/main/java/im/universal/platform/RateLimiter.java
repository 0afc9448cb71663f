package im.universal.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key: {@code capacity} events at once, refilled at {@code capacity} per {@code periodNanos}.
 * Thread-safe and allocation-free on the hot path once a key exists.
 */
public final class RateLimiter {
    private final double capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A source of monotonic nanoseconds (tests pass their own). */
    public interface Clock {
        long nanoTime();
    }

    public RateLimiter(int capacity, long periodNanos) {
        this(capacity, periodNanos, System::nanoTime);
    }

    public RateLimiter(int capacity, long periodNanos, Clock clock) {
        if (capacity < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("capacity and period must be positive");
        }
        this.capacity = capacity;
        this.refillPerNano = capacity / (double) periodNanos;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false when the bucket is empty (the event should be refused). */
    public boolean tryAcquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, clock.nanoTime()))
                .take(this);
    }

    /** Nanoseconds until {@code key} has a token again (0 when it has one now). */
    public long nanosUntilAvailable(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.wait(this);
    }

    /** Forgets buckets that are full again, so idle keys do not accumulate. */
    public void prune() {
        buckets.entrySet().removeIf(e -> e.getValue().isFull(this));
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(RateLimiter limiter) {
            refill(limiter);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized long wait(RateLimiter limiter) {
            refill(limiter);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / limiter.refillPerNano);
        }

        synchronized boolean isFull(RateLimiter limiter) {
            refill(limiter);
            return tokens >= limiter.capacity;
        }

        private void refill(RateLimiter limiter) {
            long now = limiter.clock.nanoTime();
            tokens = Math.min(limiter.capacity, tokens + (now - updated) * limiter.refillPerNano);
            updated = now;
        }
    }
}

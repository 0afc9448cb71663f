package im.universal.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers that must be unique (message server ids, envelope ids, connection ids), not secret: nothing is
 * authorised by knowing one (a receipt is checked against the message's recipient, a history cursor against the
 * caller). Time-ordered UUIDs (version 7 layout: 48 bits of milliseconds, 74 random bits) from the thread's own
 * generator; {@code UUID.randomUUID()} draws from the shared SecureRandom, whose lock was a hot spot under load
 * (docs/benchmarks.md).
 */
public final class Ids {
    private Ids() {}

    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}

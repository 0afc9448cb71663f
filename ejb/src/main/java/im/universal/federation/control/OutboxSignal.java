package im.universal.federation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the outbox relay when a transaction that wrote envelopes has committed. */
@ApplicationScoped
public class OutboxSignal {
    private final Semaphore pending = new Semaphore(0);

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten event) {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until something was written or {@code millis} passed; true when woken by a write. */
    public boolean await(long millis) throws InterruptedException {
        boolean woken = pending.tryAcquire(millis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }

    /** Wakes the relay (shutting down, or asked to look now). */
    public void wake() {
        pending.release();
    }
}

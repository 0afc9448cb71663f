package im.universal.federation.control;

import im.universal.platform.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of inbound envelopes: accepted per type, rejected per reason, duplicates. */
@ApplicationScoped
public class FederationStats {
    @Inject
    Telemetry telemetry;

    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    public void accepted(EnvelopeType type) {
        accepted.computeIfAbsent(type.wire(), k -> new AtomicLong()).incrementAndGet();
        telemetry.envelopeAccepted(type.wire());
    }

    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        telemetry.envelopeRejected(reason);
    }

    public void duplicate() {
        duplicates.incrementAndGet();
        telemetry.envelopeDuplicate();
    }

    public Map<String, Long> acceptedByType() {
        return snapshot(accepted);
    }

    public Map<String, Long> rejectedByReason() {
        return snapshot(rejected);
    }

    public long duplicates() {
        return duplicates.get();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}

package im.universal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The service's counters, gauges and timers, published by MicroProfile Metrics at {@code /metrics} (Prometheus
 * text). Names are documented in docs/operations.md.
 */
@ApplicationScoped
public class Telemetry {

    @Inject
    MetricRegistry registry;

    @Inject
    IspConfig config;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile Timer deliveryLatency;

    public void login() {
        count("uim_logins", "Successful logins");
    }

    public void message(String route) {
        count("uim_messages", "Messages accepted, by route (local, remote_out, remote_in)", new Tag("route", route));
    }

    public void presenceUpdate() {
        count("uim_presence_updates", "Presence changes broadcast to contacts");
    }

    public void envelopeAccepted(String type) {
        count("uim_federation_envelopes", "Inbound federation envelopes applied, by type", new Tag("type", type));
    }

    public void envelopeRejected(String reason) {
        count(
                "uim_federation_rejected",
                "Inbound federation envelopes rejected, by reason (forged_origin, blocked_domain, ...)",
                new Tag("reason", reason));
    }

    public void envelopeDuplicate() {
        count("uim_federation_duplicates", "Inbound federation envelopes dropped as duplicates");
    }

    /** Rows deleted by the housekeeping timer, by table. */
    public void pruned(String table, long rows) {
        if (rows > 0) {
            count(
                    "uim_housekeeping_pruned",
                    "Rows deleted by housekeeping after the retention period, by table",
                    rows,
                    new Tag("table", table));
        }
    }

    /** Time from a message's acceptance to its write on a recipient's socket. */
    public void delivered(Duration latency) {
        Timer timer = deliveryLatency;
        if (timer == null) {
            timer = registry.timer(Metadata.builder()
                    .withName("uim_delivery_latency")
                    .withDescription("From acceptance of a message to its write on the recipient's socket")
                    .build());
            deliveryLatency = timer;
        }
        timer.update(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), value);
    }

    /** Counters are registered once and kept: these calls come for every message, delivery and envelope. */
    private void count(String name, String description, Tag... tags) {
        count(name, description, 1, tags);
    }

    private void count(String name, String description, long increment, Tag... tags) {
        StringBuilder key = new StringBuilder(name);
        for (Tag tag : tags) {
            key.append('|').append(tag.getTagName()).append('=').append(tag.getTagValue());
        }
        counters.computeIfAbsent(
                        key.toString(),
                        k -> registry.counter(
                                Metadata.builder()
                                        .withName(name)
                                        .withDescription(description)
                                        .build(),
                                tags))
                .inc(increment);
    }
}

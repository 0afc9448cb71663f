package im.universal.federation.boundary;

import im.universal.federation.control.DestinationPauses;
import im.universal.federation.control.OutboxSignal;
import im.universal.federation.entity.OutboxEntry;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays the outbox to the broker on one thread, oldest envelope first: woken by every commit that wrote one, and
 * every few seconds in any case (left-overs of a crash, a broker that was away). Sent rows are deleted after the
 * broker took them; a crash in between sends them again, and receivers drop the copies (by envelope id,
 * or a message by its server id and a receipt by the status it reached).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {
    static final int BATCH = 200;
    static final long SWEEP_MILLIS = 2_000;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxSignal signal;

    @Inject
    OutboxStore store;

    @Inject
    OutboxTransmitter transmitter;

    @Inject
    IspConfig config;

    @Inject
    Telemetry telemetry;

    private final DestinationPauses paused = new DestinationPauses();

    private volatile boolean running = true;
    private Thread worker;

    @PostConstruct
    void start() {
        telemetry.gauge("uim_federation_outbox_pending", "Envelopes waiting to be handed to the broker", () -> {
            try {
                return store.pending();
            } catch (RuntimeException e) {
                return -1;
            }
        });
        worker = threads.newThread(this::run);
        worker.setName("uim-outbox-relay");
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        signal.wake();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                } else {
                    signal.await(SWEEP_MILLIS);
                }
                backoff = relayAll() ? 0 : nextBackoff(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // the database away, or the application stopping
                if (running) {
                    LOG.log(Level.WARNING, "[" + config.domain() + "] outbox relay failed, will retry", e);
                    backoff = nextBackoff(backoff);
                }
            }
        }
    }

    /**
     * Sends batches until the outbox is empty; false when the broker could not be reached. A destination that
     * refuses a send is left alone for a while (2 s, doubling to 60 s; its envelopes wait, in order), so it cannot
     * hold up the others.
     */
    private boolean relayAll() {
        while (running) {
            List<OutboxEntry> batch = store.oldest(BATCH, paused.paused(System.currentTimeMillis()));
            if (batch.isEmpty()) {
                return true;
            }
            OutboxTransmitter.Transmission result = transmitter.transmit(batch);
            store.delete(result.sent());
            batch.stream()
                    .filter(e -> !result.refused().contains(e.destination()))
                    .forEach(e -> paused.succeeded(e.destination()));
            result.refused().forEach(this::pause);
            if (result.brokerFailed()) {
                LOG.warning(() -> "[" + config.domain() + "] broker unreachable; "
                        + (batch.size() - result.sent().size()) + " envelope(s) of this batch wait in the outbox");
                return false;
            }
        }
        return true;
    }

    private void pause(String destination) {
        long length = paused.refused(destination, System.currentTimeMillis());
        LOG.warning(() -> "[" + config.domain() + "] the broker refused envelopes for " + destination
                + "; they wait in the outbox (next try in " + length / 1000 + " s)");
    }

    private static long nextBackoff(long current) {
        return Math.min(MAX_BACKOFF_MILLIS, current == 0 ? 500 : current * 2);
    }
}

package im.universal.housekeeping.boundary;

import im.universal.federation.boundary.InboundRetention;
import im.universal.platform.IspConfig;
import im.universal.platform.Telemetry;
import im.universal.session.boundary.SessionRetention;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour (the first time ten minutes after start-up), deletes the login sessions that expired or ended, and
 * the applied inbound envelope ids received, more than the retention period ago. Each batch of
 * {@link #BATCH} rows is a transaction of its own, so a large backlog (the first run on an old database) neither
 * holds long locks nor grows one transaction without bound. Several instances of one ISP may all run it: the
 * deletes are idempotent. A failed pass is logged and the next one carries on.
 */
@Singleton
@Startup
public class Housekeeping {
    static final long FIRST_DELAY_MILLIS = 10 * 60_000;
    static final long INTERVAL_MILLIS = 60 * 60_000;
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Resource
    TimerService timers;

    @EJB
    SessionRetention sessions;

    @EJB
    InboundRetention envelopes;

    @Inject
    IspConfig config;

    @Inject
    Telemetry telemetry;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FIRST_DELAY_MILLIS, INTERVAL_MILLIS, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        Instant cutoff = Instant.now().minus(config.retention());
        prune("login_session", () -> sessions.prune(cutoff, BATCH));
        prune("inbound_envelope", () -> envelopes.prune(cutoff, BATCH));
    }

    private void prune(String table, IntSupplier batch) {
        long total = 0;
        try {
            int deleted;
            do {
                deleted = batch.getAsInt();
                total += deleted;
                telemetry.pruned(table, deleted);
            } while (deleted == BATCH);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "[" + config.domain() + "] housekeeping of " + table + " failed, next pass in an hour",
                    e);
        }
        if (total > 0) {
            LOG.info("[" + config.domain() + "] housekeeping deleted " + total + " row(s) of " + table);
        }
    }
}

package im.universal.federation.boundary;

import im.universal.directory.boundary.DirectoryService;
import im.universal.platform.IspConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, an ISP says hello to the federation (the others answer, so each knows the others), and one whose directory holds no other ISP's users (first start, or a lost database) asks the others
 * for a snapshot. Retries until the broker takes the request.
 */
@Singleton
@Startup
public class DirectoryBootstrap {
    static final long FIRST_DELAY_MILLIS = 3_000;
    static final long RETRY_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(DirectoryBootstrap.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DirectoryService directory;

    @Inject
    DirectorySnapshots snapshots;

    @Inject
    IspConfig config;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(FIRST_DELAY_MILLIS, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check(Timer timer) {
        try {
            snapshots.hello();
            if (directory.remoteCount() == 0) {
                snapshots.request();
                LOG.info(() -> "[" + config.domain() + "] directory has no remote entries: asked for snapshots");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[" + config.domain() + "] directory snapshot request failed, will retry", e);
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
        }
    }
}

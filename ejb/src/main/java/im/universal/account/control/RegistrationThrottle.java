package im.universal.account.control;

import im.universal.platform.ErrorCode;
import im.universal.platform.RateLimiter;
import im.universal.platform.RetryLaterException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registrations per remote address and minute (default 60, the protocol's floor). */
@ApplicationScoped
public class RegistrationThrottle {

    @Inject
    @ConfigProperty(name = "uim.registration.per-address-per-minute", defaultValue = "60")
    int perMinute;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perMinute, TimeUnit.MINUTES.toNanos(1));
    }

    public void acquire(String remoteAddress) {
        String key = remoteAddress == null ? "-" : remoteAddress;
        if (!limiter.tryAcquire(key)) {
            throw new RetryLaterException(
                    ErrorCode.RATE_LIMITED,
                    "Too many registrations from this address; try again later",
                    TimeUnit.NANOSECONDS.toSeconds(limiter.nanosUntilAvailable(key)) + 1);
        }
    }
}

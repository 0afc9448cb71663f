package im.universal.session.control;

import im.universal.platform.ErrorCode;
import im.universal.platform.RateLimiter;
import im.universal.platform.RetryLaterException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brute-force protection. Failed logins drain a bucket per account and one per remote address; an empty bucket
 * answers {@code too_many_attempts} with a Retry-After until it refills. Buckets refill continuously, so an
 * attacker can slow a user's logins down but never lock them out for good.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "uim.login.failures-per-account", defaultValue = "10")
    int perAccount;

    @Inject
    @ConfigProperty(name = "uim.login.failures-per-address", defaultValue = "50")
    int perAddress;

    @Inject
    @ConfigProperty(name = "uim.login.window-seconds", defaultValue = "300")
    long windowSeconds;

    private RateLimiter accounts;
    private RateLimiter addresses;

    @PostConstruct
    void init() {
        accounts = new RateLimiter(perAccount, TimeUnit.SECONDS.toNanos(windowSeconds));
        addresses = new RateLimiter(perAddress, TimeUnit.SECONDS.toNanos(windowSeconds));
    }

    /** Refuses the attempt up front when either bucket is empty. */
    public void check(String account, String remoteAddress) {
        long wait = Math.max(accounts.nanosUntilAvailable(account), addresses.nanosUntilAvailable(key(remoteAddress)));
        if (wait > 0) {
            throw new RetryLaterException(
                    ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed logins; try again later",
                    TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
        }
    }

    public void failed(String account, String remoteAddress) {
        accounts.tryAcquire(account);
        addresses.tryAcquire(key(remoteAddress));
    }

    private static String key(String remoteAddress) {
        return remoteAddress == null ? "-" : remoteAddress;
    }
}

package im.universal.federation.control;

import im.universal.platform.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rate limits on what other ISPs may ask of this one: contact requests per remote domain and minute. */
@ApplicationScoped
public class InboundLimits {

    @Inject
    @ConfigProperty(name = "uim.federation.contact-requests-per-minute", defaultValue = "120")
    int contactRequestsPerMinute;

    private RateLimiter contactRequests;

    @PostConstruct
    void init() {
        contactRequests = new RateLimiter(contactRequestsPerMinute, TimeUnit.MINUTES.toNanos(1));
    }

    /** Takes one contact request from {@code domain}; false when it sent too many. */
    public boolean allowContactRequest(String domain) {
        return contactRequests.tryAcquire(domain);
    }
}

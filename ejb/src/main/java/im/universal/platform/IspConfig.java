package im.universal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity and tunables of this ISP, from MicroProfile Config (environment variables such as {@code UIM_DOMAIN}
 * map to {@code uim.domain}). Typed, with defaults, in one place.
 */
@ApplicationScoped
public class IspConfig {
    /** PBKDF2-HMAC-SHA256 rounds: OWASP Password Storage Cheat Sheet. */
    public static final int DEFAULT_PASSWORD_ITERATIONS = 600_000;

    public static final long DEFAULT_RETENTION_DAYS = 30;

    @Inject
    @ConfigProperty(name = "uim.domain")
    String domain;

    @Inject
    @ConfigProperty(name = "uim.session.ttl.hours", defaultValue = "720")
    long sessionTtlHours;

    @Inject
    @ConfigProperty(name = "uim.password.iterations", defaultValue = "" + DEFAULT_PASSWORD_ITERATIONS)
    int passwordIterations;

    /** How long expired or ended login sessions and applied inbound envelope ids are kept before deletion. */
    @Inject
    @ConfigProperty(name = "uim.retention.days", defaultValue = "" + DEFAULT_RETENTION_DAYS)
    long retentionDays = DEFAULT_RETENTION_DAYS;

    protected IspConfig() {}

    /** For tests and non-container use. */
    public IspConfig(String domain, long sessionTtlHours, int passwordIterations) {
        this.domain = domain;
        this.sessionTtlHours = sessionTtlHours;
        this.passwordIterations = passwordIterations;
    }

    /** This ISP's domain, e.g. {@code alpha.test}. */
    public String domain() {
        return domain.toLowerCase(Locale.ROOT);
    }

    public Duration sessionTtl() {
        return Duration.ofHours(sessionTtlHours);
    }

    public int passwordIterations() {
        return passwordIterations;
    }

    /** At least one day: an envelope id must outlive any redelivery of its envelope. */
    public Duration retention() {
        return Duration.ofDays(Math.max(1, retentionDays));
    }

    public boolean isLocal(Address address) {
        return address.isIn(domain());
    }
}

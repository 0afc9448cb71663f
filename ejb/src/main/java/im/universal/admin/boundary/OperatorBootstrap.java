package im.universal.admin.boundary;

import im.universal.admin.control.BootstrapPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start-up, creates the first operator from {@code uim.admin.user} / {@code uim.admin.password} (environment
 * {@code UIM_ADMIN_USER} / {@code UIM_ADMIN_PASSWORD}) when no operator exists. There is no default password:
 * without configuration the console reports that it is not configured.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperatorBootstrap {
    static final String USER = "uim.admin.user";
    static final String PASSWORD = "uim.admin.password";
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    OperatorService operators;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        String user = config.getOptionalValue(USER, String.class).orElse(null);
        String password = config.getOptionalValue(PASSWORD, String.class).orElse(null);
        BootstrapPolicy.Outcome outcome = operators.bootstrap(user, password);
        switch (outcome) {
            case CREATE -> LOG.info(() -> "Admin console: first operator '" + BootstrapPolicy.normalise(user)
                    + "' created from configuration");
            case ALREADY_CONFIGURED -> LOG.info("Admin console: operators exist; " + USER + " is not used");
            case NOT_CONFIGURED -> LOG.warning("Admin console not configured: set UIM_ADMIN_USER and"
                    + " UIM_ADMIN_PASSWORD to create the first operator");
            case INVALID -> LOG.severe("Admin console: UIM_ADMIN_USER must be 1-64 of [a-z0-9._-] and"
                    + " UIM_ADMIN_PASSWORD at least " + BootstrapPolicy.MIN_PASSWORD
                    + " characters; no operator created");
        }
    }
}

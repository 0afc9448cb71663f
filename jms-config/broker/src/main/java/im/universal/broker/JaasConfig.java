package im.universal.broker;

import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule;

/**
 * JAAS configuration built in code: Artemis' {@link PropertiesLoginModule} over {@code users.properties} and
 * {@code roles.properties} of one directory (the directory of broker.xml). Equivalent to {@code etc/login.config},
 * but it sets no JVM-wide JAAS property, so several brokers with different files can run in one JVM (tests).
 */
final class JaasConfig extends SecurityConfiguration {

    static final String DOMAIN = "uim";
    static final String USERS_FILE = "users.properties";
    static final String ROLES_FILE = "roles.properties";

    private final AppConfigurationEntry[] entries;

    JaasConfig(Path etcDir) {
        Map<String, String> options = Map.of(
                "baseDir",
                etcDir.toAbsolutePath().normalize().toString(),
                "org.apache.activemq.jaas.properties.user",
                USERS_FILE,
                "org.apache.activemq.jaas.properties.role",
                ROLES_FILE,
                "reload",
                "true");
        entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(PropertiesLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, options)
        };
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        return DOMAIN.equals(name) ? entries.clone() : null;
    }
}

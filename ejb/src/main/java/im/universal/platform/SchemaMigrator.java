package im.universal.platform;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the versioned migrations of module {@code sql/} (classpath {@code db/migration}) to a database. */
public final class SchemaMigrator {
    /** The schema version this code expects; a test checks it against the newest script. */
    public static final String EXPECTED_VERSION = "8";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private SchemaMigrator() {}

    public static MigrateResult migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        String current = flyway.info().current() == null
                ? "none"
                : flyway.info().current().getVersion().getVersion();
        if (!EXPECTED_VERSION.equals(current)) {
            throw new IllegalStateException(
                    "Database schema is at version " + current + ", this code expects " + EXPECTED_VERSION);
        }
        LOG.info(() -> "Schema at version " + current + " (" + result.migrationsExecuted + " migration(s) applied)");
        return result;
    }
}

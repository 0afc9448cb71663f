package im.universal.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool's data source: picks the driver from the JDBC URL (H2 or PostgreSQL), so the operator chooses the
 * database with {@code UIM_DB_URL} alone. Without a URL it is the embedded default, an H2 file under the data
 * folder. The application server pools and enlists its connections.
 */
public class ConfiguredDataSource implements DataSource {
    private String url = "";
    private String user = "";
    private String password = "";
    private String dataDir = "data";
    private volatile DataSource delegate;

    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir == null || dataDir.isBlank() ? "data" : dataDir;
    }

    /** The URL in effect: the configured one, or the embedded H2 default under the data folder. */
    public String effectiveUrl() {
        if (!url.isEmpty()) {
            return url;
        }
        Path file = Path.of(dataDir).toAbsolutePath().resolve("db").resolve("uim");
        // H2 writes commits in the background (up to 500 ms later): a killed process can lose its last commits.
        // WRITE_DELAY=0 is worse (it stops the background writer). Durable ISPs run on PostgreSQL.
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    DataSource delegate() {
        DataSource ds = delegate;
        if (ds == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(effectiveUrl());
                }
                ds = delegate;
            }
        }
        return ds;
    }

    /**
     * An H2 URL with the settings this application needs: H2 reuses the last result of a prepared query when its
     * parameters are the same and its tables look unchanged, and a query that ran while another transaction
     * committed can keep answering from before that commit until the table changes again (a contact request
     * applied but not listed, docs/operations.md). Statements are cached per connection, so this would bite: the
     * reuse is turned off unless the URL sets it itself.
     */
    static String h2Url(String jdbcUrl) {
        return jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";OPTIMIZE_REUSE_RESULTS=")
                ? jdbcUrl
                : jdbcUrl + ";OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    private DataSource create(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(h2Url(jdbcUrl));
            h2.setUser(user.isEmpty() ? "sa" : user);
            h2.setPassword(password);
            return h2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            if (!user.isEmpty()) {
                pg.setUser(user);
            }
            if (!password.isEmpty()) {
                pg.setPassword(password);
            }
            return pg;
        }
        throw new IllegalStateException("Unsupported database URL (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return delegate().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool has its own timeouts
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}

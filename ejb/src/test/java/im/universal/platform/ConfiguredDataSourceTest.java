package im.universal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The configured data source reads what other transactions committed: H2's reuse of a prepared query's last result
 * is off, since a query that ran while another transaction committed could keep answering from before that commit
 * (the contact request that beta had applied but did not list, for as long as the table saw no other change).
 */
class ConfiguredDataSourceTest {
    private static final int ROUNDS = 5_000;

    @Test
    void anH2UrlGetsTheResultReuseTurnedOffUnlessItSetsItItself() {
        assertEquals("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=FALSE", ConfiguredDataSource.h2Url("jdbc:h2:mem:x"));
        assertEquals(
                "jdbc:h2:mem:x;optimize_reuse_results=TRUE",
                ConfiguredDataSource.h2Url("jdbc:h2:mem:x;optimize_reuse_results=TRUE"));
        ConfiguredDataSource embedded = new ConfiguredDataSource();
        embedded.setDataDir("/var/lib/uim/alpha");
        assertTrue(ConfiguredDataSource.h2Url(embedded.effectiveUrl()).endsWith(";OPTIMIZE_REUSE_RESULTS=FALSE"));
    }

    /**
     * A reader polls a prepared query for a row while a writer inserts and commits it, round after round; once the
     * writer has committed, the reader's next execution must see the row. With H2's default settings some of these
     * reads answer from the result cached during the commit (hundreds in 5,000 rounds on a 2-core machine).
     */
    @Test
    void aPreparedQueryRunAgainSeesWhatAnotherTransactionJustCommitted() throws Exception {
        ConfiguredDataSource ds = new ConfiguredDataSource();
        ds.setUrl("jdbc:h2:mem:reuse-race;DB_CLOSE_DELAY=-1");
        try (Connection setup = ds.getConnection()) {
            setup.createStatement().execute("create table contact (id bigint primary key, owner bigint not null)");
        }
        AtomicLong committed = new AtomicLong(-1);
        AtomicLong polling = new AtomicLong(-1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(ds, committed, polling));
        long stale = 0;
        try (Connection reader = ds.getConnection()) {
            reader.setAutoCommit(false);
            PreparedStatement query = reader.prepareStatement("select count(*) from contact where owner = ?");
            for (long row = 0; row < ROUNDS; row++) {
                query.setLong(1, row);
                polling.set(row);
                while (committed.get() < row) {
                    count(query);
                    reader.commit();
                    if (writer.isDone()) {
                        writer.join(); // rethrows the writer's failure
                    }
                }
                if (count(query) != 1) {
                    stale++;
                }
                reader.commit();
            }
        }
        writer.get(30, TimeUnit.SECONDS);
        assertEquals(0, stale, "reads that missed a committed row, of " + ROUNDS);
    }

    /** Inserts row after row, each in a transaction of its own, each once the reader polls for it. */
    private static void write(DataSource ds, AtomicLong committed, AtomicLong polling) {
        try (Connection writer = ds.getConnection()) {
            writer.setAutoCommit(false);
            PreparedStatement insert = writer.prepareStatement("insert into contact values (?, ?)");
            for (long row = 0; row < ROUNDS; row++) {
                while (polling.get() < row) {
                    Thread.onSpinWait();
                }
                insert.setLong(1, row);
                insert.setLong(2, row);
                insert.executeUpdate();
                writer.commit();
                committed.set(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

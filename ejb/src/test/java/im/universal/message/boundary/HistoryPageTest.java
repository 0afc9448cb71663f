package im.universal.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.platform.Address;
import im.universal.platform.TestDatabase;
import im.universal.session.control.Caller;
import im.universal.session.entity.Mode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A history page of a long conversation: the newest messages of both directions, and the database reads the rows of
 * the page from the conversation index, newest first, not every message of the pair (schema V8; finding 34).
 */
class HistoryPageTest {
    private static final int MESSAGES = 2_000;
    private static final int PAGE = 20;
    private static final String ALICE = "alice@alpha.test";
    private static final String BOB = "bob@alpha.test";

    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private TestDatabase db;

    /** Records the SQL Hibernate sends, unchanged. */
    public static final class Recorder implements StatementInspector {
        @Override
        public String inspect(String sql) {
            STATEMENTS.add(sql);
            return sql;
        }
    }

    @BeforeEach
    void open() throws Exception {
        STATEMENTS.clear();
        db = new TestDatabase(
                "history-page", Map.of("hibernate.session_factory.statement_inspector", Recorder.class.getName()));
        // a long conversation, the two directions alternating: odd ids from alice, even ids from bob
        db.execute("insert into message (id, server_id, sender, recipient, client_id, body, sent_at, status,"
                + " pending_delivery) select x, 'm-' || x,"
                + " case when mod(x, 2) = 1 then '" + ALICE + "' else '" + BOB + "' end,"
                + " case when mod(x, 2) = 1 then '" + BOB + "' else '" + ALICE + "' end,"
                + " 'c-' || x, 'hello ' || x, current_timestamp, 'DELIVERED', false"
                + " from system_range(1, " + MESSAGES + ")");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aPageIsTheNewestMessagesOfBothDirectionsOldestFirst() {
        List<MessageView> page = history(null);

        assertEquals(
                serverIds(MESSAGES - PAGE + 1, MESSAGES),
                page.stream().map(MessageView::id).toList());
    }

    @Test
    void thePageBeforeAMessageEndsRightBeforeIt() {
        List<MessageView> page = history("m-" + (MESSAGES - PAGE + 1));

        assertEquals(
                serverIds(MESSAGES - 2 * PAGE + 1, MESSAGES - PAGE),
                page.stream().map(MessageView::id).toList());
    }

    @Test
    void theDatabaseReadsAPageOfTheIndexNotTheWholeConversation() throws Exception {
        history(null);
        String query = STATEMENTS.stream()
                .filter(sql -> sql.contains(" order by ") && sql.contains("sender=?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no conversation query among " + STATEMENTS));

        String plan;
        try (Connection connection = db.connection();
                PreparedStatement explain = connection.prepareStatement("explain analyze " + query)) {
            explain.setString(1, ALICE);
            explain.setString(2, BOB);
            explain.setLong(3, Long.MAX_VALUE);
            explain.setInt(4, PAGE);
            try (ResultSet rows = explain.executeQuery()) {
                assertTrue(rows.next());
                plan = rows.getString(1);
            }
        }

        assertTrue(plan.contains("MESSAGE_CONVERSATION_IX"), plan);
        assertTrue(plan.contains("index sorted"), plan);
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertTrue(scanned.find(), plan);
        int rows = Integer.parseInt(scanned.group(1));
        // one direction holds MESSAGES / 2 rows; reading all of them is what the V8 index ends
        assertTrue(rows <= PAGE + 1, "rows read for a page of " + PAGE + ": " + rows + "\n" + plan);
        assertFalse(scanned.find(), plan);
    }

    private List<MessageView> history(String before) {
        return db.inTransaction(em -> {
            MessageHistory service = new MessageHistory();
            service.em = em;
            Caller alice = new Caller(1, 1, Address.parse(ALICE), Mode.UNIVERSAL, "test");
            return service.page(alice, BOB, before, PAGE);
        });
    }

    private static List<String> serverIds(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(id -> "m-" + id).toList();
    }
}

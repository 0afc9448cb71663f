package im.universal.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.universal.push.entity.MessagePush;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BacklogPageTest {
    private final List<Set<String>> asked = new ArrayList<>();

    private static MessagePush message(String serverId) {
        return new MessagePush("bob@alpha.test", serverId, "ann@alpha.test", "hi " + serverId, Instant.EPOCH);
    }

    private static List<MessagePush> page(String... serverIds) {
        return Arrays.stream(serverIds).map(BacklogPageTest::message).toList();
    }

    private static List<String> ids(BacklogPage.Selection selection) {
        return selection.toWrite().stream().map(MessagePush::serverId).toList();
    }

    /** The database, read again: these ids are still pending; records what it was asked. */
    private Function<Set<String>, Set<String>> pendingAre(String... serverIds) {
        Set<String> pending = Set.of(serverIds);
        return ids -> {
            asked.add(Set.copyOf(ids));
            Set<String> answer = new HashSet<>(ids);
            answer.retainAll(pending);
            return answer;
        };
    }

    @Test
    void writesThePendingMessagesInThePagesOrder() {
        BacklogPage.Selection selection =
                BacklogPage.select(page("c", "a", "b"), id -> false, id -> false, pendingAre("a", "b", "c"));

        assertEquals(List.of("c", "a", "b"), ids(selection));
        assertFalse(selection.awaiting());
        assertEquals(List.of(Set.of("a", "b", "c")), asked);
    }

    @Test
    void skipsWhatThisConnectionWroteAlready() {
        BacklogPage.Selection selection =
                BacklogPage.select(page("a", "b"), "a"::equals, id -> false, pendingAre("a", "b"));

        assertEquals(List.of("b"), ids(selection));
        assertFalse(selection.awaiting());
    }

    @Test
    void skipsWhatAwaitsItsRecordWithoutAskingTheDatabaseAboutIt() {
        BacklogPage.Selection selection =
                BacklogPage.select(page("a", "b", "c"), id -> false, "b"::equals, pendingAre("a", "b", "c"));

        assertEquals(List.of("a", "c"), ids(selection));
        assertTrue(selection.awaiting());
        assertEquals(List.of(Set.of("a", "c")), asked);
    }

    @Test
    void skipsWhatWasRecordedBetweenThePagesReadAndItsWriting() {
        // "b" was written by another connection and recorded after the page was read: no longer awaiting, but no
        // longer pending either
        BacklogPage.Selection selection =
                BacklogPage.select(page("a", "b", "c"), id -> false, id -> false, pendingAre("a", "c"));

        assertEquals(List.of("a", "c"), ids(selection));
        assertTrue(selection.awaiting(), "the page is read again rather than taken as the end of the backlog");
    }

    @Test
    void aPageOfNothingToCheckDoesNotReadTheDatabase() {
        BacklogPage.Selection selection =
                BacklogPage.select(page("a", "b"), "a"::equals, "b"::equals, pendingAre("a", "b"));

        assertTrue(selection.toWrite().isEmpty());
        assertTrue(selection.awaiting());
        assertTrue(asked.isEmpty());
    }
}

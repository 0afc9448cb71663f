package im.universal.web.ws;

import im.universal.push.entity.MessagePush;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which messages of a backlog page a starting connection writes (rule 3 of docs/protocol.md: a message written to
 * a socket is never delivered again). The page was read while some of its messages could be on their way to being
 * recorded as delivered by another connection; those are skipped:
 *
 * <ol>
 *   <li>the ones this connection wrote already (an earlier page);
 *   <li>the ones whose delivery still {@linkplain im.universal.message.boundary.DeliveryRecorder#awaitingRecord
 *       waits in the recorder};
 *   <li>of the rest, the ones no longer pending when read again, after the second check: a delivery recorded between
 *       the page's read and that check has left the recorder's set only once its transaction had committed, so the
 *       second read sees it.
 * </ol>
 */
final class BacklogPage {
    /**
     * What to write, in the page's order, and whether any message was skipped because another connection's
     * delivery of it is being recorded or was recorded since the page was read (the page is then read again).
     */
    record Selection(List<MessagePush> toWrite, boolean awaiting) {}

    private BacklogPage() {}

    static Selection select(
            List<MessagePush> page,
            Predicate<String> writtenHere,
            Predicate<String> awaitingRecord,
            Function<Set<String>, Set<String>> stillPending) {
        List<MessagePush> candidates = new ArrayList<>();
        boolean awaiting = false;
        for (MessagePush message : page) {
            if (writtenHere.test(message.serverId())) {
                continue;
            }
            if (awaitingRecord.test(message.serverId())) {
                awaiting = true;
                continue;
            }
            candidates.add(message);
        }
        if (candidates.isEmpty()) {
            return new Selection(List.of(), awaiting);
        }
        Set<String> ids = new LinkedHashSet<>();
        candidates.forEach(m -> ids.add(m.serverId()));
        Set<String> pending = stillPending.apply(ids);
        List<MessagePush> toWrite = new ArrayList<>(candidates.size());
        for (MessagePush message : candidates) {
            if (pending.contains(message.serverId())) {
                toWrite.add(message);
            } else {
                awaiting = true;
            }
        }
        return new Selection(toWrite, awaiting);
    }
}

package im.universal.federation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.federation.entity.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxChunksTest {

    private static List<OutboxEntry> entries(int count, int length) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String envelope = (i + ":" + "x".repeat(length)).substring(0, length);
            entries.add(new OutboxEntry("queue:uim.isp.beta.test", "message", envelope));
        }
        return entries;
    }

    @Test
    void consecutiveEnvelopesShareMessagesUpToTheCountLimit() {
        List<OutboxEntry> entries = entries(OutboxTransmitter.MAX_PER_MESSAGE * 2 + 1, 10);

        List<List<OutboxEntry>> chunks = OutboxTransmitter.chunks(entries);

        assertEquals(
                List.of(OutboxTransmitter.MAX_PER_MESSAGE, OutboxTransmitter.MAX_PER_MESSAGE, 1),
                chunks.stream().map(List::size).toList());
        assertEquals(entries, chunks.stream().flatMap(List::stream).toList(), "order kept, nothing dropped");
    }

    @Test
    void largeEnvelopesShareMessagesUpToTheSizeLimit() {
        int length = OutboxTransmitter.MAX_MESSAGE_CHARS / 3;
        List<OutboxEntry> entries = entries(7, length);

        List<List<OutboxEntry>> chunks = OutboxTransmitter.chunks(entries);

        chunks.forEach(chunk -> assertEquals(
                true,
                chunk.size() == 1
                        || chunk.stream()
                                        .mapToInt(e -> e.envelope().length() + 1)
                                        .sum()
                                <= OutboxTransmitter.MAX_MESSAGE_CHARS));
        assertEquals(entries, chunks.stream().flatMap(List::stream).toList());
    }

    @Test
    void anEnvelopeLargerThanTheLimitTravelsAlone() {
        List<OutboxEntry> entries = entries(3, OutboxTransmitter.MAX_MESSAGE_CHARS + 10);

        assertEquals(
                List.of(1, 1, 1),
                OutboxTransmitter.chunks(entries).stream().map(List::size).toList());
    }
}

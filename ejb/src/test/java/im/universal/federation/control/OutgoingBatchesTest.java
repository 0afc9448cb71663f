package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingBatchesTest {

    private static List<Outgoing> envelopes(int count, int length, int lanes) {
        List<Outgoing> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String envelope = (i + ":" + "x".repeat(length)).substring(0, length);
            envelopes.add(Outgoing.of(i % lanes, "message", envelope));
        }
        return envelopes;
    }

    @Test
    void consecutiveEnvelopesShareMessagesUpToTheCountLimit() {
        List<Outgoing> envelopes = envelopes(OutgoingBatches.MAX_PER_MESSAGE * 2 + 1, 10, 1);

        List<List<Outgoing>> messages = OutgoingBatches.of(envelopes);

        assertEquals(
                List.of(OutgoingBatches.MAX_PER_MESSAGE, OutgoingBatches.MAX_PER_MESSAGE, 1),
                messages.stream().map(List::size).toList());
        assertEquals(envelopes, messages.stream().flatMap(List::stream).toList(), "order kept, nothing dropped");
    }

    @Test
    void largeEnvelopesShareMessagesUpToTheSizeLimit() {
        int length = OutgoingBatches.MAX_MESSAGE_CHARS / 3;
        List<Outgoing> envelopes = envelopes(7, length, 1);

        List<List<Outgoing>> messages = OutgoingBatches.of(envelopes);

        assertEquals(List.of(2, 2, 2, 1), messages.stream().map(List::size).toList());
        messages.forEach(message -> assertTrue(
                message.stream().mapToInt(e -> e.envelope().length() + 1).sum() <= OutgoingBatches.MAX_MESSAGE_CHARS));
        assertEquals(envelopes, messages.stream().flatMap(List::stream).toList());
    }

    @Test
    void anEnvelopeLargerThanTheLimitTravelsAlone() {
        List<Outgoing> envelopes = envelopes(3, OutgoingBatches.MAX_MESSAGE_CHARS + 10, 1);

        assertEquals(
                List.of(1, 1, 1),
                OutgoingBatches.of(envelopes).stream().map(List::size).toList());
    }

    @Test
    void aMessageCarriesOneLaneAndEachLaneKeepsItsOrder() {
        List<Outgoing> envelopes = envelopes(30, 10, 3);

        List<List<Outgoing>> messages = OutgoingBatches.of(envelopes);

        assertEquals(3, messages.size(), "one message per lane");
        for (List<Outgoing> message : messages) {
            int lane = message.get(0).lane();
            assertTrue(message.stream().allMatch(e -> e.lane() == lane), "lanes are not mixed");
            assertEquals(
                    envelopes.stream().filter(e -> e.lane() == lane).toList(), message, "the lane's order is kept");
        }
        assertEquals(
                List.of(0, 1, 2), messages.stream().map(m -> m.get(0).lane()).toList(), "lanes as they came");
    }

    @Test
    void aLoneEnvelopeTravelsAsItIsAndSeveralAsABatch() throws EnvelopeRejected {
        Outgoing one = Outgoing.of(0, "message", "{\"a\":1}");
        Outgoing two = Outgoing.of(0, "message", "{\"b\":2}");

        assertEquals("{\"a\":1}", OutgoingBatches.text(List.of(one)));
        assertEquals("[{\"a\":1},{\"b\":2}]", OutgoingBatches.text(List.of(one, two)));
    }
}

package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeBatchTest {

    private static Envelope envelope(String address) {
        return Envelope.create(
                EnvelopeType.DIRECTORY_REGISTERED,
                "alpha.test",
                Json.createObjectBuilder().add("address", address).build());
    }

    @Test
    void aBatchReadsBackAsItsEnvelopesInOrder() throws EnvelopeRejected {
        List<Envelope> sent = List.of(envelope("a@alpha.test"), envelope("b@alpha.test"), envelope("c@alpha.test"));
        String body = EnvelopeCodec.encodeBatch(
                sent.stream().map(EnvelopeCodec::encode).toList());

        List<EnvelopeCodec.Decoded> read = EnvelopeCodec.decodeBatch(body);

        assertEquals(sent, read.stream().map(EnvelopeCodec.Decoded::envelope).toList());
        read.forEach(d -> assertNull(d.rejected()));
    }

    @Test
    void aBadElementIsRejectedAloneAndTheOthersStay() throws EnvelopeRejected {
        Envelope first = envelope("a@alpha.test");
        Envelope last = envelope("z@alpha.test");
        String body = "[" + EnvelopeCodec.encode(first) + ",42,{\"version\":1}," + EnvelopeCodec.encode(last) + "]";

        List<EnvelopeCodec.Decoded> read = EnvelopeCodec.decodeBatch(body);

        assertEquals(4, read.size());
        assertEquals(first, read.get(0).envelope());
        assertEquals("malformed", read.get(1).rejected().reason());
        assertNotNull(read.get(2).rejected());
        assertNull(read.get(2).envelope());
        assertEquals(last, read.get(3).envelope());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{}", "[]", "\"text\""})
    void somethingThatIsNotABatchIsRejectedAsAWhole(String body) {
        EnvelopeRejected rejected = assertThrows(EnvelopeRejected.class, () -> EnvelopeCodec.decodeBatch(body));
        assertEquals("malformed", rejected.reason());
    }

    @Test
    void aBatchHasABoundedNumberOfEnvelopes() {
        String one = EnvelopeCodec.encode(envelope("a@alpha.test"));
        List<String> many = new ArrayList<>(Collections.nCopies(EnvelopeCodec.MAX_BATCH + 1, one));

        assertThrows(EnvelopeRejected.class, () -> EnvelopeCodec.decodeBatch(EnvelopeCodec.encodeBatch(many)));
    }
}

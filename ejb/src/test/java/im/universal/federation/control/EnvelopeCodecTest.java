package im.universal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeCodecTest {

    @Test
    void roundTrips() throws EnvelopeRejected {
        Envelope sent = Envelope.create(
                EnvelopeType.DIRECTORY_REGISTERED,
                "alpha.test",
                Json.createObjectBuilder().add("address", "alice@alpha.test").build());
        Envelope read = EnvelopeCodec.decode(EnvelopeCodec.encode(sent));
        assertEquals(sent, read);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|malformed",
                "[1,2]|malformed",
                "{}|malformed",
                "{\"version\":2,\"type\":\"message\",\"id\":\"x\",\"origin\":\"a.test\",\"sentAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|unknown_version",
                "{\"version\":\"1\",\"type\":\"message\"}|malformed",
                "{\"version\":1,\"type\":\"shout\",\"id\":\"x\",\"origin\":\"a.test\",\"sentAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|unknown_type",
                "{\"version\":1,\"type\":\"message\",\"id\":\"x\",\"origin\":\"a.test\",\"sentAt\":\"yesterday\",\"payload\":{}}|malformed",
                "{\"version\":1,\"type\":\"message\",\"id\":\"x\",\"origin\":\"a.test\",\"sentAt\":\"2026-01-01T00:00:00Z\",\"payload\":[]}|malformed",
                "{\"version\":1,\"type\":\"message\",\"origin\":\"a.test\",\"sentAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}|malformed"
            })
    void rejectsWithAReason(String text, String reason) {
        EnvelopeRejected rejected = assertThrows(EnvelopeRejected.class, () -> EnvelopeCodec.decode(text));
        assertEquals(reason, rejected.reason());
    }
}
